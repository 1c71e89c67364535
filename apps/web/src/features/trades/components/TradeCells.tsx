import { NumCell } from '../../../components/NumCell';
import { formatDecimal, MONEY, PNL } from '../../../lib/numbers';

/** The strategy that sent the order; none for an order placed outside Tradehook (e.g. in TWS). */
export function StrategyCell({ strategy }: { strategy: string | null }) {
  return (
    <td className="strategy-cell" title={strategy ?? 'Not placed by Tradehook'}>
      {strategy ?? <span className="muted">outside</span>}
    </td>
  );
}

/** Commission as IB reported it: two decimals, the exact figure and its currency on hover. */
export function CommissionCell({ commission, currency, className }: { commission: string | null; currency: string | null; className?: string }) {
  return (
    <NumCell value={commission} format={MONEY} className={className}
      title={commission === null ? 'Not reported yet' : `${commission}${currency ? ` ${currency}` : ''}`} />
  );
}

/** Realized P&L, signed and coloured; the exact figure on hover. */
export function RealizedPnlCell({ value }: { value: string | null }) {
  return <NumCell value={value} format={PNL} title={value === null ? 'None realized (or not reported yet)' : formatDecimal(value)} />;
}
