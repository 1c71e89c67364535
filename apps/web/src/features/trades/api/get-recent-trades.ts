import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RecentTrade } from '@tradehook/contracts';
import { apiFetch } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export function getRecentTrades(limit: number, signal?: AbortSignal): Promise<RecentTrade[]> {
  return apiFetch<RecentTrade[]>('/api/trades/recent', { params: { limit }, signal });
}

export const recentTradesQueryOptions = (limit = 20) =>
  queryOptions({
    queryKey: [...queryRoots.trades, 'recent', { limit }],
    queryFn: ({ signal }) => getRecentTrades(limit, signal),
  });

export function useRecentTrades(limit = 20) {
  return useQuery(recentTradesQueryOptions(limit));
}
