import type { PositionActionReply } from '@tradehook/contracts';
import { Link } from 'react-router-dom';
import { AlertStatusBadge } from '../../alerts/components/AlertStatusBadge';
import { useAlert } from '../../alerts/api/get-alert';

/** One alert an action created, with its fate as it unfolds (live events refresh it). */
function AlertFate({ id, strategy, direction }: PositionActionReply['alerts'][number]) {
  const { data: alert, error } = useAlert(id);
  return (
    <li>
      <Link to={`/requests?strategy=${encodeURIComponent(strategy)}`}>Alert #{id}</Link> · {strategy} · {direction} —{' '}
      {alert ? <AlertStatusBadge alert={alert} /> : error ? <span className="error-text">{error.message}</span> : '…'}
      {alert?.order && <> order #{alert.order.ibOrderId ?? alert.order.id} {alert.order.status}, filled {alert.order.filled}</>}
    </li>
  );
}

/** What the last action sent: each new alert's id and fate. */
export function ActionOutcome({ reply, onDismiss }: { reply: PositionActionReply; onDismiss: () => void }) {
  return (
    <section className="banner banner-info action-outcome" role="status" aria-label="Action sent">
      <div className="section-head">
        <strong>{reply.alerts.length === 0 ? 'Nothing to send: nothing is held.' : `Sent ${reply.alerts.length} alert(s):`}</strong>
        <button type="button" className="button small" onClick={onDismiss}>Dismiss</button>
      </div>
      <ul>
        {reply.alerts.map((a) => <AlertFate key={a.id} {...a} />)}
      </ul>
    </section>
  );
}
