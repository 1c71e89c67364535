import { useStatus } from '../api/get-status';
import { IbConnectionCard } from './IbConnectionCard';
import { ServiceCard } from './ServiceCard';
import { TodayCountsCard } from './TodayCountsCard';

export function StatusOverview() {
  const { data: status, isPending, error } = useStatus();
  if (isPending) return <p role="status">Loading status…</p>;
  if (error) return <p className="error-text">Status unavailable: {error.message}</p>;
  return (
    <div className="cards">
      <IbConnectionCard ib={status.ib} />
      <TodayCountsCard today={status.today} />
      <ServiceCard status={status} />
    </div>
  );
}
