import type { EntityManager } from 'typeorm';
import type { CommissionReport, ExecutionReport } from '../ib/ib-types';

export interface RecordedExecution {
  /** False when IB replayed an execution we already had (reqExecutions after a reconnect). */
  changed: boolean;
  orderId: number | null;
  /** A correction (….01 → ….02) replaced an execution already recorded. */
  corrected?: boolean;
}

/** execId up to its last period: a correction (….01 → ….02) shares it with the execution it replaces. */
export function execKeyOf(execId: string): string {
  const i = execId.lastIndexOf('.');
  return i > 0 ? execId.slice(0, i) : execId;
}

/**
 * Writes one execution exactly once: a replay changes nothing, a correction replaces the row it corrects, and
 * the order's consolidated row (highest cumulative quantity) and fill figures follow in the same transaction.
 */
export async function recordExecution(tx: EntityManager, e: ExecutionReport, clientId: number): Promise<RecordedExecution> {
  const rows: Array<{ id: number; order_id: number | null; inserted: boolean }> = await tx.query(
    `INSERT INTO executions (exec_id, exec_key, order_id, ib_order_id, client_id, perm_id, symbol, sec_type, exchange,
       currency, side, shares, price, cum_qty, avg_price, executed_at, account, order_ref, con_id, local_symbol)
     VALUES ($1, $2, (SELECT id FROM orders WHERE (client_id = $4 AND ib_order_id = $3) OR order_ref = $17 OR perm_id = $5
                      ORDER BY (order_ref = $17) DESC NULLS LAST LIMIT 1),
       $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
     ON CONFLICT (exec_key) DO UPDATE SET exec_id = excluded.exec_id, shares = excluded.shares, price = excluded.price,
       cum_qty = excluded.cum_qty, avg_price = excluded.avg_price, executed_at = excluded.executed_at,
       con_id = coalesce(excluded.con_id, executions.con_id), local_symbol = coalesce(excluded.local_symbol, executions.local_symbol)
     WHERE (length(excluded.exec_id), excluded.exec_id) > (length(executions.exec_id), executions.exec_id)
     RETURNING id, order_id, (xmax = 0) AS inserted`,
    [e.execId, execKeyOf(e.execId), e.ibOrderId, e.clientId || clientId, e.permId, e.symbol, e.secType, e.exchange,
      e.currency, e.side, e.shares, e.price, e.cumQty, e.avgPrice, e.executedAt, e.account, e.orderRef, e.conId, e.localSymbol],
  );
  if (rows.length === 0) return { changed: false, orderId: null };
  const { id, order_id: orderId, inserted } = rows[0];
  await tx.query(
    `INSERT INTO consolidated_trades (perm_id, execution_id, cum_qty, last_exec_at, executions)
     VALUES ($1, $2, $3, $4, 1)
     ON CONFLICT (perm_id) DO UPDATE SET
       execution_id = CASE WHEN excluded.cum_qty >= consolidated_trades.cum_qty THEN excluded.execution_id
                           ELSE consolidated_trades.execution_id END,
       cum_qty = greatest(consolidated_trades.cum_qty, excluded.cum_qty),
       last_exec_at = greatest(consolidated_trades.last_exec_at, excluded.last_exec_at),
       executions = consolidated_trades.executions + $5`,
    [e.permId, id, e.cumQty, e.executedAt, inserted ? 1 : 0],
  );
  if (orderId !== null) {
    await tx.query(
      `UPDATE orders SET
         perm_id = coalesce(perm_id, $2),
         avg_fill_price = CASE WHEN $3::numeric >= filled THEN $4::numeric ELSE avg_fill_price END,
         filled = greatest(filled, $3::numeric),
         remaining = greatest(quantity - greatest(filled, $3::numeric), 0),
         status = CASE WHEN $3::numeric >= quantity AND status IN ('submitting', 'working') THEN 'filled'
                       WHEN status = 'submitting' THEN 'working' ELSE status END,
         acknowledged_at = coalesce(acknowledged_at, now()),
         filled_at = CASE WHEN $3::numeric >= quantity THEN coalesce(filled_at, now()) ELSE filled_at END,
         updated_at = now()
       WHERE id = $1`,
      [orderId, e.permId, e.cumQty, e.avgPrice],
    );
  }
  return { changed: true, orderId, corrected: !inserted };
}

/** Commission reports arrive after their execution, not necessarily at once: kept by execId and joined on read. */
export async function recordCommission(tx: EntityManager, c: CommissionReport): Promise<void> {
  await tx.query(
    `INSERT INTO commissions (exec_id, commission, currency, realized_pnl) VALUES ($1, $2, $3, $4)
     ON CONFLICT (exec_id) DO UPDATE SET commission = excluded.commission, currency = excluded.currency,
       realized_pnl = excluded.realized_pnl`,
    [c.execId, c.commission, c.currency, c.realizedPnl],
  );
}
