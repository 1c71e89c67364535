import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Alert } from '@tradehook/contracts';
import { apiFetch } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export function getAlert(id: number, signal?: AbortSignal): Promise<Alert> {
  return apiFetch<Alert>(`/api/alerts/${id}`, { signal });
}

/** One alert and its fate; alert, order and execution events keep it current. */
export const alertQueryOptions = (id: number) =>
  queryOptions({
    queryKey: [...queryRoots.alerts, 'one', id],
    queryFn: ({ signal }) => getAlert(id, signal),
  });

export function useAlert(id: number) {
  return useQuery(alertQueryOptions(id));
}
