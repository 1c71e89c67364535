import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AccountOverview } from '@tradehook/contracts';
import { apiFetch } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export function getAccount(signal?: AbortSignal): Promise<AccountOverview> {
  return apiFetch<AccountOverview>('/api/account', { signal });
}

/** Account values and today's P&L; 'account', 'position' and 'connection' events keep them current. */
export const accountQueryOptions = () =>
  queryOptions({
    queryKey: [...queryRoots.account],
    queryFn: ({ signal }) => getAccount(signal),
  });

export function useAccount() {
  return useQuery(accountQueryOptions());
}
