import { Direction } from '../../../components/Direction';
import { NumCell } from '../../../components/NumCell';
import { QueryTable, type Column } from '../../../components/QueryTable';
import { Time } from '../../../components/Time';
import { useConsolidatedTrades } from '../api/get-consolidated-trades';

const COLUMNS: Column[] = [
  ['Order ID', true], ['Symbol', false], ['Avg Price', true], ['Cum Qty', true], ['Direction', false],
  ['Timestamp', false], ['Slippage', true],
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
          <NumCell value={t.avgPrice} />
          <NumCell value={t.cumQty} />
          <td><Direction value={t.direction} /></td>
          <td className="nowrap"><Time iso={t.time} compact /></td>
          <td className={slippageClass(t.slippage)} title={t.alertPrice ? `Alert price ${t.alertPrice}` : undefined}>
            {t.slippage ?? <span aria-label="none">—</span>}
          </td>
        </>
      )}>
      <p className="table-note">Slippage is per unit against the alert price: positive is worse (paid more, or sold for less).</p>
    </QueryTable>
  );
}
