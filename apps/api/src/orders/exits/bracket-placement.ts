import type { DataSource } from 'typeorm';
import type { IbSession } from '../../ib/ib-session';
import type { ContractSpec, OrderSpec } from '../../ib/ib-types';
import { insertOrderForAlert, sendOrder, type PlacedOrderRow } from '../order-placement';
import type { ExitOrder } from './bracket';

export interface PlacedBracket {
  parent: PlacedOrderRow;
  children: Array<PlacedOrderRow & ExitOrder>;
}

/**
 * The exactly-once step for a bracket: in ONE transaction the alert is claimed (accepted → placed), its parent row
 * and every child row are written with their IB order ids — before anything is sent. A second attempt finds the
 * alert claimed and writes nothing; a crash leaves all of them or none, and reconcile owns whatever was not sent.
 */
export async function insertBracketForAlert(
  db: DataSource, session: IbSession, alertId: number, contract: ContractSpec, entry: OrderSpec, exits: ExitOrder[],
): Promise<PlacedBracket | null> {
  const parentIbId = session.allocateOrderId();
  const childIbIds = exits.map(() => session.allocateOrderId());
  return db.transaction(async (tx) => {
    const parent = await insertOrderForAlert(tx, alertId, parentIbId, session.clientId, contract, entry);
    if (!parent) return null;
    const children: PlacedBracket['children'] = [];
    for (const [i, exit] of exits.entries()) {
      const o = exit.order;
      const [row] = await tx.query(
        `INSERT INTO orders (alert_id, parent_order_id, exit_role, ib_order_id, client_id, order_ref, symbol, sec_type,
           exchange, primary_exchange, currency, local_symbol, multiplier, last_trade_date, side, quantity, order_type,
           limit_price, stop_price, tif, oca_group, trailing_amount, trailing_percent, outside_rth, status, remaining)
         SELECT alert_id, id, $2, $3, client_id, $4, symbol, sec_type, exchange, primary_exchange, currency, local_symbol,
           multiplier, last_trade_date, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'submitting', $6
         FROM orders WHERE id = $1 RETURNING id`,
        [parent.id, exit.role, childIbIds[i], o.orderRef, o.side, o.quantity, o.orderType, o.limitPrice, o.stopPrice,
          o.tif, o.ocaGroup, o.trailingAmount, o.trailingPercent, o.outsideRth ?? false],
      ) as Array<{ id: number }>;
      children.push({ ...exit, id: row.id, ibOrderId: childIbIds[i] });
    }
    return { parent, children };
  });
}

/**
 * Sends parent → children through the paced session in that order; only the last carries transmit=true, so IB
 * holds the group until it is whole. False when the socket changed on the way (reconcile sends the rest).
 */
export async function sendBracket(
  db: DataSource, session: IbSession, generation: number, bracket: PlacedBracket, contract: ContractSpec, entry: OrderSpec,
  onWritten?: () => void,
): Promise<boolean> {
  const last = bracket.children.length - 1;
  if (!(await sendOrder(db, session, generation, bracket.parent, contract, entry, onWritten, { parentIbOrderId: null, transmit: last < 0 }))) {
    return false;
  }
  for (const [i, child] of bracket.children.entries()) {
    const link = { parentIbOrderId: bracket.parent.ibOrderId, transmit: i === last };
    if (!(await sendOrder(db, session, generation, child, contract, child.order, undefined, link))) return false;
  }
  return true;
}
