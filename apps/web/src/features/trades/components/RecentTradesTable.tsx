import { Direction } from '../../../components/Direction';
import { NumCell } from '../../../components/NumCell';
import { TableStateRow } from '../../../components/TableStateRow';
import { Time } from '../../../components/Time';
import { useRecentTrades } from '../api/get-recent-trades';

const HEADERS: Array<[string, boolean]> = [
  ['Order ID', true],
  ['Symbol', false],
  ['Price', true],
  ['Avg Price', true],
  ['Quantity', true],
  ['Cum Qty', true],
  ['Direction', false],
  ['Timestamp', false],
];

/** Every execution (a partial fill is its own row), newest first. */
export function RecentTradesTable() {
  const { data: trades, isPending, error } = useRecentTrades(20);
  return (
    <div className="table-scroll">
      <table>
        <caption>Recent trades</caption>
        <thead>
          <tr>
            {HEADERS.map(([label, numeric]) => (
              <th key={label} scope="col" className={numeric ? 'num' : undefined}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <TableStateRow
            columns={HEADERS.length}
            isLoading={isPending}
            error={trades ? null : error}
            isEmpty={trades?.length === 0}
            empty="No executions yet."
          />
          {trades?.map((t) => (
            <tr key={t.execId}>
              <NumCell value={t.orderId} />
              <th scope="row">{t.symbol}</th>
              <NumCell value={t.price} />
              <NumCell value={t.avgPrice} />
              <NumCell value={t.quantity} />
              <NumCell value={t.cumQty} />
              <td><Direction value={t.direction} /></td>
              <td className="nowrap"><Time iso={t.time} compact /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
