import type { IbConnection } from '@tradehook/contracts';
import { Time } from '../../../components/Time';

const STATE_LABEL: Record<IbConnection['state'], string> = {
  connected: 'Connected',
  reconciling: 'Reconciling orders',
  connecting: 'Connecting',
  disconnected: 'Disconnected',
};

const MODE_LABEL: Record<IbConnection['mode'], string> = {
  simulator: 'Simulator',
  paper: 'Paper trading',
  live: 'Live trading',
};

export function IbConnectionCard({ ib }: { ib: IbConnection }) {
  const connected = ib.state === 'connected';
  return (
    <section className="card" aria-labelledby="ib-connection-title">
      <h2 id="ib-connection-title">Interactive Brokers</h2>
      <p className={`state state-${connected ? 'good' : 'bad'}`}>
        <span className="dot" aria-hidden="true" /> {STATE_LABEL[ib.state]}
        <span className={`mode mode-${ib.mode}`}>{MODE_LABEL[ib.mode]}</span>
      </p>
      <dl className="facts">
        <dt>{connected ? 'Connected since' : 'Since'}</dt>
        <dd>
          <Time iso={ib.since} />
        </dd>
        {!connected && (
          <>
            <dt>Why</dt>
            <dd>{ib.reason ?? 'No reason reported'}</dd>
          </>
        )}
        <dt>Account</dt>
        <dd>{ib.account ?? <span className="muted">not reported yet</span>}</dd>
        <dt>Gateway</dt>
        <dd>
          {ib.host}:{ib.port} · client {ib.clientId}
        </dd>
      </dl>
    </section>
  );
}
