import type { DataSource } from 'typeorm';
import type { IbSession } from '../ib/ib-session';
import type { WorkingOrder } from './working-orders';

/** How long a superseding alert waits for the orders it cancels to be final before it gives up (and trades nothing). */
export const SETTLE_LIMIT_MS = 5_000;

export type Settled = { ok: true; cancelled: number[] } | { ok: false; reason: string };

/**
 * Asks IB to cancel each order, then waits until the ledger has each one final: cancelled, rejected or filled, and
 * every share IB reported filled (orderStatus) recorded as an execution, so the position read next includes any fill
 * that raced the cancel. Bounded: a late fill after the limit would make the next order overshoot, so the caller
 * trades nothing then.
 */
export async function cancelAndSettle(db: DataSource, session: IbSession, orders: WorkingOrder[],
  limitMs = SETTLE_LIMIT_MS): Promise<Settled> {
  const foreign = orders.filter((o) => o.clientId !== session.clientId);
  if (foreign.length) {
    return { ok: false, reason: `working order${foreign.length === 1 ? '' : 's'} ${ids(foreign)} placed by another IB client: cancel there first` };
  }
  for (const o of orders) {
    if (!(await session.cancelOrder(o.ibOrderId))) return { ok: false, reason: `could not cancel ${ids([o])}: IB disconnected` };
  }
  const deadline = Date.now() + limitMs;
  const orderIds = orders.map((o) => o.orderId);
  for (;;) {
    const [{ open }] = await db.query(
      `SELECT count(*)::int AS open FROM orders
       WHERE id = ANY($1) AND NOT (status IN ('filled', 'cancelled', 'rejected') AND executed >= filled)`, [orderIds]);
    if (open === 0) return { ok: true, cancelled: orderIds };
    if (Date.now() >= deadline) return { ok: false, reason: `${ids(orders)} not final ${limitMs / 1000} s after the cancel request` };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const ids = (orders: Array<{ orderId: number }>) => orders.map((o) => `#${o.orderId}`).join(', ');
