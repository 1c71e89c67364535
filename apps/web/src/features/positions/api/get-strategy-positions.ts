import { queryOptions, useQuery } from '@tanstack/react-query';
import type { StrategyPositions } from '@tradehook/contracts';
import { apiFetch } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export function getStrategyPositions(signal?: AbortSignal): Promise<StrategyPositions> {
  return apiFetch<StrategyPositions>('/api/strategy-positions', { signal });
}

/** What each strategy holds per contract, and the contracts whose IB position drifts from their sum. */
export const strategyPositionsQueryOptions = () =>
  queryOptions({
    queryKey: [...queryRoots.positions, 'strategies'],
    queryFn: ({ signal }) => getStrategyPositions(signal),
  });

export function useStrategyPositions() {
  return useQuery(strategyPositionsQueryOptions());
}
