import { Link } from 'react-router-dom';
import { useAlerts } from '../api/get-alerts';
import { AlertsTable } from './AlertsTable';

const LATEST = { limit: 5, offset: 0 };

export function LatestAlerts() {
  const alerts = useAlerts(LATEST);
  return (
    <section aria-labelledby="latest-alerts-title">
      <div className="section-head">
        <h2 id="latest-alerts-title">Latest alerts</h2>
        <Link to="/requests">All alerts</Link>
      </div>
      <AlertsTable caption="The 5 most recent alerts" alerts={alerts.data?.items} isLoading={alerts.isPending} error={alerts.error} />
    </section>
  );
}
