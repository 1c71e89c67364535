import type { ErrorResponse, WebhookReply } from '@tradehook/contracts';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider, type Identifier, type RaRecord } from 'react-admin';
import { ApiError } from '../lib/api-client';
import { changedFields } from './changed-fields';
import type { RevealedSecret } from './one-time-secret/secret-store';

export const ADMIN_API = '/api/admin';

export interface AdminDataProvider extends DataProvider {
  /** Sends an expired, failed or refused alert again (once: a second resend answers `duplicate`). */
  resendAlert(id: Identifier): Promise<WebhookReply>;
  /** Asks IB to cancel a working order (409 when there is nothing to cancel). */
  cancelOrder(id: Identifier): Promise<{ status: 'cancel requested' }>;
}

/**
 * fetchJson with the session cookie. A refusal becomes the app's ApiError (status, the API's message, its body),
 * so the shared QueryClient's policy (never retry a 4xx) and react-admin's checkError both read it.
 */
const httpClient = (url: string, options: fetchUtils.Options = {}) =>
  fetchUtils.fetchJson(url, { ...options, credentials: 'same-origin' }).catch((error: unknown) => {
    if (!(error instanceof HttpError)) throw error;
    throw new ApiError(error.status, error.message, isErrorResponse(error.body) ? error.body : null);
  });

const isErrorResponse = (body: unknown): body is ErrorResponse =>
  typeof body === 'object' && body !== null && typeof (body as ErrorResponse).message === 'string';

/**
 * A record answered with a one-time `secret` (a new strategy, a rotated secret) hands the secret to `reveal` and
 * goes on without it: it never reaches react-admin's cache, forms or pages, only the dialog that shows it once.
 */
function withoutSecret<T extends RaRecord>(record: T & { secret?: string }, reveal: (secret: RevealedSecret) => void): T {
  const { secret, ...rest } = record;
  if (typeof secret === 'string') reveal({ secret, recordId: record.id, label: String(record.name ?? record.id) });
  return rest as T;
}

/** ra-data-simple-rest over /api/admin, plus the console's actions and its handling of one-time secrets. */
export function createAdminDataProvider(reveal: (secret: RevealedSecret) => void): AdminDataProvider {
  const base = simpleRestProvider(ADMIN_API, httpClient);
  const post = async <T>(path: string): Promise<T> => (await httpClient(`${ADMIN_API}${path}`, { method: 'POST' })).json as T;

  return {
    ...base,
    create: async (resource, params) => {
      const { data } = await base.create(resource, params);
      return { data: withoutSecret(data, reveal) };
    },
    update: async (resource, params) => {
      const { data } = await base.update(resource, { ...params, data: changedFields(params.data, params.previousData) });
      return { data: withoutSecret(data, reveal) };
    },
    resendAlert: (id) => post(`/alerts/${encodeURIComponent(id)}/resend`),
    cancelOrder: (id) => post(`/orders/${encodeURIComponent(id)}/cancel`),
  };
}
