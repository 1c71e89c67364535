import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export function deleteAlert(id: number): Promise<void> {
  return apiFetch<void>(`/api/alerts/${id}`, { method: 'DELETE' });
}

export function useDeleteAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAlert,
    // Lists and today's counts both include the deleted alert.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryRoots.alerts }),
        queryClient.invalidateQueries({ queryKey: queryRoots.status }),
      ]),
  });
}
