import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CurrentUser } from '@tradehook/contracts';
import { apiFetch } from '../../../lib/api-client';

/** Who holds the session cookie; answers 401 (an ApiError) without one. */
export function getCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
  return apiFetch<CurrentUser>('/api/auth/me', { signal });
}

export const currentUserQueryKey = ['current-user'] as const;

export const currentUserQueryOptions = () =>
  queryOptions({
    queryKey: currentUserQueryKey,
    queryFn: ({ signal }) => getCurrentUser(signal),
    // The session changes only through sign-in and sign-out, which update this entry themselves.
    staleTime: Infinity,
  });

export function useCurrentUser() {
  return useQuery(currentUserQueryOptions());
}
