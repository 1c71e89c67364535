import type { Alert } from '@tradehook/contracts';

const TONE: Record<Alert['status'], 'good' | 'neutral' | 'bad'> = {
  accepted: 'neutral',
  placed: 'good',
  done: 'good',
  duplicate: 'neutral',
  refused: 'bad',
  expired: 'bad',
  failed: 'bad',
  rejected: 'bad',
};

/** The alert's fate, and in words why when it did not become an order. */
export function AlertStatusBadge({ alert }: { alert: Alert }) {
  return (
    <>
      <span className={`badge badge-${TONE[alert.status]}`}>{alert.status}</span>
      {alert.duplicateOf !== null && <span className="reason">duplicate of #{alert.duplicateOf}</span>}
      {alert.reason && <span className="reason">{alert.reason}</span>}
    </>
  );
}
