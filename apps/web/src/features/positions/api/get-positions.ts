import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Positions } from '@tradehook/contracts';
import { apiFetch } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export function getPositions(signal?: AbortSignal): Promise<Positions> {
  return apiFetch<Positions>('/api/positions', { signal });
}

/** IB's positions, as IB last reported them. */
export const positionsQueryOptions = () =>
  queryOptions({
    queryKey: [...queryRoots.positions, 'ib'],
    queryFn: ({ signal }) => getPositions(signal),
  });

export function usePositions() {
  return useQuery(positionsQueryOptions());
}
