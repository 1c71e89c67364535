import { Banner } from '../../components/Banner';
import { useStatus } from '../../features/status/api/get-status';
import { ApiError } from '../../lib/api-client';
import { asSentence } from '../../lib/format';
import { useLiveEventsState } from '../../lib/live-events';

/** Tells the trader, on every page, when what they see may not be what is happening. */
export function StatusBanners() {
  const { data: status, error } = useStatus();
  const live = useLiveEventsState();

  if (error) {
    const unreachable = !(error instanceof ApiError) || error.unreachable;
    return (
      <div className="banners">
        <Banner tone="error" title={unreachable ? 'The Tradehook API is unreachable.' : 'Status unavailable.'}>
          {unreachable ? 'Data on this page may be out of date; retrying.' : error.message}
        </Banner>
      </div>
    );
  }
  if (!status) return null;

  const ib = status.ib;
  return (
    <div className="banners">
      {ib.state !== 'connected' && (
        <Banner tone="warning" title={`Interactive Brokers is not connected (${ib.state}).`}>
          {asSentence(ib.reason ?? 'No reason reported')} Alerts are still stored; their orders wait for the connection.
        </Banner>
      )}
      {!status.database.reachable && (
        <Banner tone="error" title="The database is unreachable.">
          New alerts cannot be stored. {status.database.error ?? ''}
        </Banner>
      )}
      {status.dispatch.killSwitch && (
        <Banner tone="warning" title="Kill switch is on.">
          Alerts are recorded but no orders are placed.
        </Banner>
      )}
      {live === 'down' && (
        <Banner tone="info" title="Live updates interrupted.">
          Reconnecting… Use Refresh to see the latest data meanwhile.
        </Banner>
      )}
    </div>
  );
}
