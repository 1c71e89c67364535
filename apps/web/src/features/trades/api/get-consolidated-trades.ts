import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ConsolidatedTrade } from '@tradehook/contracts';
import { apiFetch } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export function getConsolidatedTrades(limit: number, signal?: AbortSignal): Promise<ConsolidatedTrade[]> {
  return apiFetch<ConsolidatedTrade[]>('/api/trades/consolidated', { params: { limit }, signal });
}

export const consolidatedTradesQueryOptions = (limit = 20) =>
  queryOptions({
    queryKey: [...queryRoots.trades, 'consolidated', { limit }],
    queryFn: ({ signal }) => getConsolidatedTrades(limit, signal),
  });

export function useConsolidatedTrades(limit = 20) {
  return useQuery(consolidatedTradesQueryOptions(limit));
}
