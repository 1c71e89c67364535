import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Status } from '@tradehook/contracts';
import { apiFetch } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export function getStatus(signal?: AbortSignal): Promise<Status> {
  return apiFetch<Status>('/api/status', { signal });
}

export const statusQueryOptions = () =>
  queryOptions({
    queryKey: [...queryRoots.status],
    queryFn: ({ signal }) => getStatus(signal),
    // Live events cover changes; polling notices an API that went away without a word.
    refetchInterval: 30_000,
  });

export function useStatus() {
  return useQuery(statusQueryOptions());
}
