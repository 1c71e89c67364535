import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { IbSession } from '../ib/ib-session';
import type { Mutex } from './mutex';
import type { OrderLedger } from './order-ledger';
import { sendOrder, specsOfRow } from './order-placement';

/**
 * Runs on every (re)connect before new orders go out (the ib_async way): learn what IB has — open orders,
 * today's completed orders, today's executions — let the ledger record it, then deal with the orders we wrote
 * but never heard about: if IB has no trace of one it was never placed, so it is sent now (same id while that id
 * is still valid, else a fresh one).
 */
export async function reconcile(
  session: IbSession, deps: { db: DataSource; ledger: OrderLedger; mutex: Mutex; log: Logger },
): Promise<void> {
  const { db, ledger, log } = deps;
  await deps.mutex.run(async () => {
    const generation = session.generationNow;
    const [{ next_free: nextFree }] = await db.query(
      `SELECT coalesce(max(ib_order_id), 0) + 1 AS next_free FROM orders WHERE client_id = $1`, [session.clientId]);
    session.raiseOrderIdFloor(nextFree);
    const open = await session.requestOpenOrders();
    const completed = await session.requestCompletedOrders();
    const executions = await session.requestExecutions();
    await ledger.idle();

    const knownRefs = new Set<string>();
    const knownIds = new Set<number>();
    for (const r of [...open, ...completed, ...executions]) {
      if (r.orderRef) knownRefs.add(r.orderRef);
      if (r.ibOrderId) knownIds.add(r.ibOrderId);
    }
    const unsure: Array<Record<string, unknown>> = await db.query(
      `SELECT o.id, o.ib_order_id, o.order_ref, o.symbol, o.sec_type, o.exchange, o.primary_exchange, o.currency,
              o.local_symbol, o.multiplier, o.last_trade_date, o.side, o.quantity::text AS quantity, o.order_type,
              o.limit_price::text AS limit_price, o.stop_price::text AS stop_price, o.tif, o.oca_group,
              o.trailing_amount::text AS trailing_amount, o.trailing_percent::text AS trailing_percent, o.outside_rth,
              o.parent_order_id
       FROM orders o WHERE o.client_id = $1 AND o.status = 'submitting' ORDER BY o.id`,
      [session.clientId],
    );
    const missing: Array<Record<string, unknown>> = [];
    for (const row of unsure) {
      if (knownRefs.has(row.order_ref as string) || knownIds.has(row.ib_order_id as number)) {
        await db.query(`UPDATE orders SET status = 'working', updated_at = now() WHERE id = $1 AND status = 'submitting'`, [row.id]);
      } else {
        missing.push(row);
      }
    }
    // A bracket's orders go parent first (lower ids), each child naming its parent's current IB id; only the last
    // one re-sent in a group transmits, so IB holds the group until it is whole again.
    const ibIdOf = new Map<number, number>();
    const groupOf = (row: Record<string, unknown>) => Number(row.parent_order_id ?? row.id);
    for (const [i, row] of missing.entries()) {
      const id = row.id as number;
      let ibOrderId = row.ib_order_id as number;
      if (ibOrderId < session.ibNextValidId) {
        ibOrderId = session.allocateOrderId();
        await db.query(`UPDATE orders SET ib_order_id = $2, updated_at = now() WHERE id = $1`, [id, ibOrderId]);
      }
      ibIdOf.set(id, ibOrderId);
      const parentIbOrderId = row.parent_order_id === null ? null : await parentIbId(db, Number(row.parent_order_id), ibIdOf);
      const transmit = !missing.slice(i + 1).some((later) => groupOf(later) === groupOf(row));
      const { contract, order } = specsOfRow(row);
      if (!(await sendOrder(db, session, generation, { id, ibOrderId }, contract, order, undefined, { parentIbOrderId, transmit }))) {
        throw new Error('connection lost while re-sending unacknowledged orders');
      }
    }
    const resent = missing.length;
    log.info({ reconcile: { open: open.length, completed: completed.length, executions: executions.length,
      unsure: unsure.length, resent } }, 'reconciled with IB');
  });
}

/** A child's parent as IB knows it now: re-sent in this reconcile (maybe with a new id), else as stored. */
async function parentIbId(db: DataSource, parentRowId: number, resent: Map<number, number>): Promise<number> {
  const now = resent.get(parentRowId);
  if (now !== undefined) return now;
  const [row] = await db.query(`SELECT ib_order_id FROM orders WHERE id = $1`, [parentRowId]);
  return row.ib_order_id as number;
}
