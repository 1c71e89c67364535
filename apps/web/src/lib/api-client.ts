import type { ErrorResponse } from '@tradehook/contracts';

/**
 * A request that did not succeed: a non-2xx answer (carrying the API's ErrorResponse when it sent one),
 * or no answer at all (status 0).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: ErrorResponse | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** No answer, or a gateway/proxy saying the API behind it is gone. */
  get unreachable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

let onUnauthorized: () => void = () => {};

/** The one place a 401 is handled; the login feature registers its redirect to /login here. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export type QueryParams = Record<string, string | number | null | undefined>;

/** Builds a same-origin path with a query string; empty values are left out so URLs stay canonical. */
export function buildPath(path: string, params?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export interface ApiRequest extends Omit<RequestInit, 'body'> {
  params?: QueryParams;
  json?: unknown;
}

const isRead = (method: string | undefined) => !method || method === 'GET' || method === 'HEAD';

export async function apiFetch<T>(path: string, { params, json, headers, ...init }: ApiRequest = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(buildPath(path, params), {
      ...init,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        // Every change is sent as JSON, body or not: the API refuses other changes as possible cross-site forgeries.
        ...(json === undefined && isRead(init.method) ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  } catch (cause) {
    // A cancelled query is not an outage: let react-query see its own AbortError.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'The Tradehook API is unreachable.');
  }

  if (response.status === 401) onUnauthorized();
  if (!response.ok) {
    const body = await readErrorBody(response);
    throw new ApiError(response.status, body?.message ?? `Request failed: HTTP ${response.status}`, body);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readErrorBody(response: Response): Promise<ErrorResponse | null> {
  try {
    const body: unknown = await response.json();
    const looksLikeError =
      typeof body === 'object' && body !== null && typeof (body as ErrorResponse).message === 'string';
    return looksLikeError ? (body as ErrorResponse) : null;
  } catch {
    return null; // e.g. an HTML error page from a proxy
  }
}
