import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AlertList, AlertListQuery } from '@tradehook/contracts';
import { apiFetch } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export function getAlerts(query: AlertListQuery, signal?: AbortSignal): Promise<AlertList> {
  return apiFetch<AlertList>('/api/alerts', { params: query, signal });
}

export const alertsQueryOptions = (query: AlertListQuery) =>
  queryOptions({
    queryKey: [...queryRoots.alerts, 'list', query],
    queryFn: ({ signal }) => getAlerts(query, signal),
    // Paging and filtering keep the previous rows on screen instead of flashing "Loading…".
    placeholderData: keepPreviousData,
  });

export function useAlerts(query: AlertListQuery) {
  return useQuery(alertsQueryOptions(query));
}
