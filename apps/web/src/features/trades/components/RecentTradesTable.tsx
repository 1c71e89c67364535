import { Direction } from '../../../components/Direction';
import { NumCell } from '../../../components/NumCell';
import { QueryTable, type Column } from '../../../components/QueryTable';
import { Time } from '../../../components/Time';
import { formatDecimal } from '../../../lib/numbers';
import { useRecentTrades } from '../api/get-recent-trades';
import { CommissionCell, RealizedPnlCell, StrategyCell } from './TradeCells';

// The order's average price is the consolidated table's: hidden while the two tables share the screen
// (see .split .optional in styles.css).
const COLUMNS: Column[] = [
  ['Order ID', true], ['Symbol', false], ['Strategy', false], ['Price', true], ['Avg Price', true, 'optional'],
  ['Quantity', true], ['Cum Qty', true], ['Direction', false], ['Commission', true, undefined, 'Comm.'], ['Realized P&L', true],
  ['Timestamp', false],
];

/** Every execution (a partial fill is its own row), newest first. */
export function RecentTradesTable() {
  return (
    <QueryTable caption="Recent trades" columns={COLUMNS} query={useRecentTrades(20)} empty="No executions yet."
      rowKey={(t) => t.execId}
      renderRow={(t) => (
        <>
          <NumCell value={t.orderId} />
          <th scope="row">{t.symbol}</th>
          <StrategyCell strategy={t.strategy} />
          <NumCell value={t.price} />
          <NumCell value={t.avgPrice} className="optional" />
          <NumCell value={formatDecimal(t.quantity)} />
          <NumCell value={formatDecimal(t.cumQty)} />
          <td><Direction value={t.direction} /></td>
          <CommissionCell commission={t.commission} currency={t.commissionCurrency} />
          <RealizedPnlCell value={t.realizedPnl} />
          <td className="nowrap"><Time iso={t.time} compact /></td>
        </>
      )} />
  );
}
