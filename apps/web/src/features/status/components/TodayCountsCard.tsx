import type { TodayCounts } from '@tradehook/contracts';

const LABELS: Array<[keyof TodayCounts, string]> = [
  ['accepted', 'Alerts accepted'],
  ['rejected', 'Rejected'],
  ['duplicate', 'Duplicates'],
  ['orders', 'Orders'],
  ['fills', 'Fills'],
];

export function TodayCountsCard({ today }: { today: TodayCounts | null }) {
  return (
    <section className="card" aria-labelledby="today-title">
      <h2 id="today-title">Today</h2>
      {today ? (
        <dl className="counts">
          {LABELS.map(([key, label]) => (
            <div key={key}>
              <dt>{label}</dt>
              <dd>{today[key]}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">Counts are unavailable while the database is unreachable.</p>
      )}
    </section>
  );
}
