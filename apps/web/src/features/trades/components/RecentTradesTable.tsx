import { Direction } from '../../../components/Direction';
import { NumCell } from '../../../components/NumCell';
import { QueryTable, type Column } from '../../../components/QueryTable';
import { Time } from '../../../components/Time';
import { useRecentTrades } from '../api/get-recent-trades';

const COLUMNS: Column[] = [
  ['Order ID', true], ['Symbol', false], ['Price', true], ['Avg Price', true], ['Quantity', true], ['Cum Qty', true],
  ['Direction', false], ['Timestamp', false],
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
          <NumCell value={t.price} />
          <NumCell value={t.avgPrice} />
          <NumCell value={t.quantity} />
          <NumCell value={t.cumQty} />
          <td><Direction value={t.direction} /></td>
          <td className="nowrap"><Time iso={t.time} compact /></td>
        </>
      )} />
  );
}
