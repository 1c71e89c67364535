import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { actionAlerts, actionRequest, actionTitle, type PositionAction } from '../action-plan';

interface Props {
  action: PositionAction | null;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Says exactly what an action will send before it is sent: each alert and the order it becomes against the figures
 * on screen, and the request itself. The API checks those figures again and refuses if they moved.
 */
export function PositionActionDialog({ action, busy, error, onConfirm, onCancel }: Props) {
  const request = action ? actionRequest(action) : null;
  return (
    <ConfirmDialog open={action !== null} title={action ? actionTitle(action) : ''} confirmLabel="Send"
      busy={busy} busyLabel="Sending…" error={error} onConfirm={onConfirm} onCancel={onCancel}>
      {action && request && (
        <>
          <p>
            {action.kind === 'flatten-all'
              ? 'For each contract held, this cancels Tradehook\'s working orders there, sends an EXIT for every strategy holding it and a SYNC taking IB to flat, each with its own fate:'
              : 'This sends, each an order with its own fate:'}
          </p>
          <ul className="action-alerts">
            {actionAlerts(action).map((line) => <li key={line}>{line}</li>)}
          </ul>
          <p className="muted small">
            The quantity is decided when each order is placed, against the position then. If the position is no longer
            what this page shows, nothing is sent.
          </p>
          <code className="inline-json">POST {request.path} {JSON.stringify(request.body)}</code>
        </>
      )}
    </ConfirmDialog>
  );
}
