import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

/** Ends the session on the server (the cookie is httpOnly: only the server can clear it). */
export function logout(): Promise<void> {
  return apiFetch<void>('/api/auth/logout', { method: 'POST' });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Nothing of this session may be shown to whoever signs in next.
    onSuccess: () => queryClient.clear(),
  });
}
