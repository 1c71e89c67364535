import type { ExitOrderSummary } from '@tradehook/contracts';

const LABEL: Record<ExitOrderSummary['role'], string> = { 'take-profit': 'TP', 'stop-loss': 'SL', 'trailing-stop': 'Trail' };

/** The price an exit rests at, as a trader reads it: a limit, a stop (and its limit), or a trailing distance. */
function restingAt(exit: ExitOrderSummary): string {
  if (exit.role === 'trailing-stop') return exit.trailingAmount ?? `${exit.trailingPercent ?? '?'} %`;
  if (exit.role === 'stop-loss') return exit.limitPrice ? `${exit.stopPrice} / ${exit.limitPrice}` : exit.stopPrice ?? '—';
  return exit.limitPrice ?? '—';
}

/** A bracket's children under its entry: role, price and state, one line each. */
export function ExitOrders({ exits }: { exits: ExitOrderSummary[] | undefined }) {
  if (!exits?.length) return null;
  return (
    <ul className="exit-orders" aria-label="Exits">
      {exits.map((exit) => (
        <li key={exit.id}>
          {LABEL[exit.role]} <span className="num">{restingAt(exit)}</span> {exit.status}
        </li>
      ))}
    </ul>
  );
}
