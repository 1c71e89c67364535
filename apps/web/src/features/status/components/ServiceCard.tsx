import type { Status } from '@tradehook/contracts';
import { formatDuration } from '../../../lib/format';

/** Database, order backlog and the kill switch: the things that stop alerts becoming orders. */
export function ServiceCard({ status }: { status: Status }) {
  const { database, dispatch } = status;
  return (
    <section className="card" aria-labelledby="service-title">
      <h2 id="service-title">Service</h2>
      <dl className="facts">
        <dt>Database</dt>
        <dd className={database.reachable ? undefined : 'error-text'}>
          {database.reachable ? 'Reachable' : `Unreachable${database.error ? `: ${database.error}` : ''}`}
          {database.embedded ? ' · embedded' : ''}
          {database.latencyMs !== null ? <span className="tabular"> · {database.latencyMs} ms</span> : null}
        </dd>
        <dt>Waiting for IB</dt>
        <dd className="tabular">{dispatch.pending}</dd>
        <dt>Kill switch</dt>
        <dd className={dispatch.killSwitch ? 'error-text' : undefined}>
          {dispatch.killSwitch ? 'On — no orders are placed' : 'Off'}
        </dd>
        <dt>Version</dt>
        <dd>
          {status.version} · up {formatDuration(status.uptimeSeconds)}
        </dd>
      </dl>
    </section>
  );
}
