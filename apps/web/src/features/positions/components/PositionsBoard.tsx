import type { PositionActionReply } from '@tradehook/contracts';
import { useState } from 'react';
import { useCurrentUser } from '../../auth/api/get-current-user';
import { useStatus } from '../../status/api/get-status';
import type { PositionAction } from '../action-plan';
import { usePositionAction } from '../api/position-actions';
import { usePositions } from '../api/get-positions';
import { useStrategyPositions } from '../api/get-strategy-positions';
import { groupByContract, isHeld } from '../contract-groups';
import { ActionOutcome } from './ActionOutcome';
import { PositionActionDialog } from './PositionActionDialog';
import { PositionsTable } from './PositionsTable';

/** What IB holds and what each strategy holds, per contract, live; admins may flatten or sync, after confirming. */
export function PositionsBoard() {
  const ib = usePositions();
  const strategies = useStrategyPositions();
  // Only an admin sees actions (a viewer's would end in 403); none while the role is not known yet.
  const mayAct = useCurrentUser().data?.role === 'admin';
  const ibState = useStatus().data?.ib.state;
  const [pending, setPending] = useState<PositionAction | null>(null);
  const [outcome, setOutcome] = useState<PositionActionReply | null>(null);
  const action = usePositionAction();

  const groups = ib.data && strategies.data
    ? groupByContract(ib.data, strategies.data.positions, strategies.data.drift)
    : undefined;
  const held = groups?.filter(isHeld) ?? [];

  const confirm = () => {
    if (!pending) return;
    action.mutate(pending, {
      onSuccess: (reply) => {
        setPending(null);
        setOutcome(reply);
      },
    });
  };
  const cancel = () => {
    setPending(null);
    action.reset();
  };

  return (
    <>
      <div className="toolbar">
        {ibState && ibState !== 'connected' ? (
          <p className="stale">IB is not connected: these are the figures as of IB&apos;s last report (each row&apos;s As of).</p>
        ) : (
          <p className="muted">Positions, P&amp;L and drift update as IB reports them.</p>
        )}
        {mayAct && (
          <button type="button" className="button danger" disabled={held.length === 0}
            onClick={() => setPending({ kind: 'flatten-all', groups: held })}>
            Flatten everything
          </button>
        )}
      </div>
      {outcome && <ActionOutcome reply={outcome} onDismiss={() => setOutcome(null)} />}
      <PositionsTable groups={groups} isPending={ib.isPending || strategies.isPending} error={ib.error ?? strategies.error}
        onAction={mayAct ? setPending : undefined} />
      <PositionActionDialog action={pending} busy={action.isPending} error={action.error?.message ?? null}
        onConfirm={confirm} onCancel={cancel} />
    </>
  );
}
