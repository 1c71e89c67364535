import { Direction } from '../../../components/Direction';
import { NumCell } from '../../../components/NumCell';
import { QueryTable, type Column } from '../../../components/QueryTable';
import { Time } from '../../../components/Time';
import { formatDecimal } from '../../../lib/numbers';
import { useConsolidatedTrades } from '../api/get-consolidated-trades';
import { CommissionCell, RealizedPnlCell, StrategyCell } from './TradeCells';

// Each fill's commission and time are in the recent table: the order's sum and last fill time give way while the two
// tables share the screen (see .split .optional in styles.css).
const COLUMNS: Column[] = [
  ['Order ID', true], ['Symbol', false], ['Strategy', false], ['Avg Price', true], ['Cum Qty', true], ['Direction', false],
  ['Commission', true, 'optional'], ['Realized P&L', true], ['Timestamp', false, 'optional'], ['Slippage', true],
];

/** Positive slippage is worse than the alert price (paid more, or sold for less). */
function slippageClass(slippage: string | null): string {
  if (slippage === null || /^-?0(\.0+)?$/.test(slippage)) return 'num';
  return slippage.startsWith('-') ? 'num better' : 'num worse';
}

/** One row per order: its fill with the highest cumulative quantity. */
export function ConsolidatedTradesTable() {
  return (
    <QueryTable caption="Consolidated trades" columns={COLUMNS} query={useConsolidatedTrades(20)} empty="No orders filled yet."
      rowKey={(t) => t.permId}
      renderRow={(t) => (
        <>
          <NumCell value={t.orderId} />
          <th scope="row">{t.symbol}</th>
          <StrategyCell strategy={t.strategy} />
          <NumCell value={t.avgPrice} />
          <NumCell value={formatDecimal(t.cumQty)} />
          <td><Direction value={t.direction} /></td>
          <CommissionCell commission={t.commission} currency={t.commissionCurrency} className="optional" />
          <RealizedPnlCell value={t.realizedPnl} />
          <td className="nowrap optional"><Time iso={t.time} compact /></td>
          <td className={slippageClass(t.slippage)} title={t.alertPrice ? `Alert price ${t.alertPrice}` : undefined}>
            {t.slippage ?? <span aria-label="none">—</span>}
          </td>
        </>
      )}>
      <p className="table-note">Slippage is per unit against the alert price: positive is worse (paid more, or sold for less). Commission and realized P&L add up the order's executions.</p>
    </QueryTable>
  );
}
