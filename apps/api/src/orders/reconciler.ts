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
      `SELECT id, ib_order_id, order_ref, symbol, sec_type, exchange, primary_exchange, currency, local_symbol,
              multiplier, last_trade_date, side, quantity::text AS quantity, order_type, limit_price::text AS limit_price,
              stop_price::text AS stop_price, tif
       FROM orders WHERE client_id = $1 AND status = 'submitting' ORDER BY id`,
      [session.clientId],
    );
    let resent = 0;
    for (const row of unsure) {
      const id = row.id as number;
      if (knownRefs.has(row.order_ref as string) || knownIds.has(row.ib_order_id as number)) {
        await db.query(`UPDATE orders SET status = 'working', updated_at = now() WHERE id = $1 AND status = 'submitting'`, [id]);
        continue;
      }
      let ibOrderId = row.ib_order_id as number;
      if (ibOrderId < session.ibNextValidId) {
        ibOrderId = session.allocateOrderId();
        await db.query(`UPDATE orders SET ib_order_id = $2, updated_at = now() WHERE id = $1`, [id, ibOrderId]);
      }
      const { contract, order } = specsOfRow(row);
      if (!(await sendOrder(db, session, generation, { id, ibOrderId }, contract, order))) {
        throw new Error('connection lost while re-sending unacknowledged orders');
      }
      resent++;
    }
    log.info({ reconcile: { open: open.length, completed: completed.length, executions: executions.length,
      unsure: unsure.length, resent } }, 'reconciled with IB');
  });
}
