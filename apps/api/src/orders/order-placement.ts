import type { DataSource } from 'typeorm';
import { toIbContract, toIbOrder } from '../ib/ib-mapping';
import type { IbSession } from '../ib/ib-session';
import type { ContractSpec, OrderLink, OrderSpec } from '../ib/ib-types';

/** A DataSource or a transaction's EntityManager: anything that runs a statement. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

export interface PlacedOrderRow {
  id: number;
  ibOrderId: number;
}

/**
 * The exactly-once step: in ONE statement the alert moves accepted → placed and its order row is written with its
 * IB order id — before placeOrder. A second attempt finds the alert no longer "accepted" and writes nothing.
 */
export async function insertOrderForAlert(
  db: Queryable, alertId: number, ibOrderId: number, clientId: number, contract: ContractSpec, order: OrderSpec,
): Promise<PlacedOrderRow | null> {
  const rows: Array<{ id: number }> = await db.query(
    `WITH claimed AS (
       UPDATE alerts SET status = 'placed', reason = NULL, contract = $19::jsonb, updated_at = now()
       WHERE id = $1 AND status = 'accepted' RETURNING id)
     INSERT INTO orders (alert_id, ib_order_id, client_id, order_ref, symbol, sec_type, exchange, primary_exchange,
       currency, local_symbol, multiplier, last_trade_date, side, quantity, order_type, limit_price, stop_price, tif,
       status, remaining, outside_rth)
     SELECT id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'submitting', $14, $20
     FROM claimed RETURNING id`,
    [alertId, ibOrderId, clientId, order.orderRef, contract.symbol, contract.secType, contract.exchange,
      contract.primaryExchange, contract.currency, contract.localSymbol, contract.multiplier, contract.lastTradeDate,
      order.side, order.quantity, order.orderType, order.limitPrice, order.stopPrice, order.tif, JSON.stringify(contract),
      order.outsideRth ?? false],
  );
  return rows.length ? { id: rows[0].id, ibOrderId } : null;
}

/** Writes placeOrder for a persisted order row; records when it went out. `onWritten` runs as it leaves. */
export async function sendOrder(
  db: DataSource, session: IbSession, generation: number, row: PlacedOrderRow, contract: ContractSpec, order: OrderSpec,
  onWritten?: () => void, link?: OrderLink,
): Promise<boolean> {
  const sent = await session.placeOrder(generation, row.ibOrderId, toIbContract(contract), toIbOrder(order, link));
  if (sent) {
    onWritten?.();
    await db.query(`UPDATE orders SET submitted_at = now(), updated_at = now() WHERE id = $1`, [row.id]);
  }
  return sent;
}

/** Rebuilds the IB contract and order of a stored row (reconcile re-sends from these). */
export function specsOfRow(r: Record<string, unknown>): { contract: ContractSpec; order: OrderSpec } {
  const s = (k: string) => (r[k] as string | null) ?? null;
  return {
    contract: {
      symbol: r.symbol as string, secType: r.sec_type as string, exchange: r.exchange as string,
      primaryExchange: s('primary_exchange'), currency: r.currency as string, localSymbol: s('local_symbol'),
      multiplier: s('multiplier'), lastTradeDate: s('last_trade_date'),
    },
    order: {
      side: r.side as 'BUY' | 'SELL', quantity: r.quantity as string, orderType: r.order_type as string,
      limitPrice: s('limit_price'), stopPrice: s('stop_price'), tif: r.tif as string, orderRef: r.order_ref as string,
      ocaGroup: s('oca_group'), trailingAmount: s('trailing_amount'), trailingPercent: s('trailing_percent'),
      outsideRth: r.outside_rth === true,
    },
  };
}
