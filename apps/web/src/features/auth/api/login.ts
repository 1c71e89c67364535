import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CurrentUser, LoginRequest } from '@tradehook/contracts';
import { apiFetch } from '../../../lib/api-client';
import { currentUserQueryKey } from './get-current-user';

/** Answers the user and sets the httpOnly session cookie; 401 for wrong credentials, 429 when rate limited. */
export function login(credentials: LoginRequest): Promise<CurrentUser> {
  return apiFetch<CurrentUser>('/api/auth/login', { method: 'POST', json: credentials });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      // Whatever was cached belongs to the previous session (or is a 401): start clean as this user.
      queryClient.clear();
      queryClient.setQueryData(currentUserQueryKey, user);
    },
  });
}
