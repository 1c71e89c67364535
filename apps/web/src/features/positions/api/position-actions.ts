import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PositionActionReply } from '@tradehook/contracts';
import { apiFetch } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';
import { actionRequest, type PositionAction } from '../action-plan';

export function sendPositionAction(action: PositionAction): Promise<PositionActionReply> {
  const { path, body } = actionRequest(action);
  return apiFetch<PositionActionReply>(path, { method: 'POST', json: body });
}

/** Flatten or sync (admin only); the alerts it creates then go their own way, announced by live events. */
export function usePositionAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendPositionAction,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryRoots.positions }),
        queryClient.invalidateQueries({ queryKey: queryRoots.alerts }),
      ]),
  });
}
