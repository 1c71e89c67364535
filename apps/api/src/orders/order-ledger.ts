import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { sqlRows } from '../db/sql';
import type { EventBus } from '../events/bus';
import type { CommissionReport, ExecutionReport, IbEventSink, OrderError, OrderReport } from '../ib/ib-types';
import { positionEventId } from '../positions/contract-key';
import { applyCommissionToPositions, applyExecutionToPositions } from '../positions/position-writer';
import { recordExecution } from '../trades/execution-store';
import { isFatalOrderError, orderStatusFromIb } from './ib-status';

const MATCH_ORDER = `((client_id = $1 AND ib_order_id = $2) OR ($3::text IS NOT NULL AND order_ref = $3)
  OR ($4::bigint IS NOT NULL AND perm_id = $4))`;

interface OrderChange { id: number; alert_id: number | null; status: string; last_error: string | null; parent_order_id: number | null }

/**
 * Applies everything IB says about our orders to the database, one event at a time in arrival order (so a late
 * "Submitted" can never overwrite a "Filled"), then tells the browsers.
 */
export class OrderLedger implements IbEventSink {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: DataSource,
    private readonly bus: EventBus,
    private readonly log: Logger,
    private readonly clientId: number,
    /** Each fill as IB reports it (the last-fill prices that max notional checks against). */
    private readonly onFill: (e: ExecutionReport) => void = () => undefined,
  ) {}

  /** Resolves when every event received so far is written. */
  idle(): Promise<void> {
    return this.chain;
  }

  orderReport(r: OrderReport): void {
    this.enqueue(() => this.applyOrderReport(r));
  }

  execution(e: ExecutionReport): void {
    this.onFill(e);
    this.enqueue(async () => {
      // The strategy position moves in the execution's own transaction: never one without the other.
      const result = await this.db.transaction(async (tx) => {
        const recorded = await recordExecution(tx, e, this.clientId);
        return { ...recorded, moved: await applyExecutionToPositions(tx, e, recorded) };
      });
      if (!result.changed) return;
      this.bus.publish('execution', e.execId);
      if (result.orderId !== null) this.bus.publish('order', result.orderId);
      if (result.moved) this.bus.publish('position', positionEventId(result.moved.account, result.moved.conId));
    });
  }

  commission(c: CommissionReport): void {
    this.enqueue(async () => {
      const moved = await this.db.transaction((tx) => applyCommissionToPositions(tx, c));
      this.bus.publish('execution', c.execId, 'commission');
      if (moved) this.bus.publish('position', positionEventId(moved.account, moved.conId));
    });
  }

  orderError(e: OrderError): void {
    this.enqueue(() => this.applyOrderError(e));
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(task).catch((error: unknown) => this.log.error({ err: error }, 'could not record an IB event'));
  }

  private async applyOrderReport(r: OrderReport): Promise<void> {
    const status = orderStatusFromIb(r.ibStatus);
    const rows: OrderChange[] = await sqlRows(this.db, 
      `UPDATE orders SET
         perm_id = coalesce(perm_id, $4),
         status = CASE WHEN status IN ('filled', 'cancelled', 'rejected') THEN status
                       WHEN $5 = 'working' AND $6::numeric >= quantity THEN 'filled' ELSE $5 END,
         filled = greatest(filled, coalesce($6::numeric, filled)),
         remaining = greatest(quantity - greatest(filled, coalesce($6::numeric, filled)), 0),
         avg_fill_price = coalesce($7::numeric, avg_fill_price),
         acknowledged_at = coalesce(acknowledged_at, now()),
         filled_at = CASE WHEN $5 = 'filled' THEN coalesce(filled_at, now()) ELSE filled_at END,
         closed_at = CASE WHEN $5 IN ('cancelled', 'rejected') AND status NOT IN ('filled', 'cancelled', 'rejected')
                          THEN now() ELSE closed_at END,
         last_error = CASE WHEN $5 = 'rejected' THEN coalesce(last_error, 'IB set the order Inactive') ELSE last_error END,
         updated_at = now()
       WHERE ${MATCH_ORDER}
       RETURNING id, alert_id, status, last_error, parent_order_id`,
      [r.clientId ?? this.clientId, r.ibOrderId, r.orderRef, r.permId, status, r.filled, r.avgFillPrice],
    );
    await this.afterOrderChange(rows);
  }

  private async applyOrderError(e: OrderError): Promise<void> {
    const fatal = isFatalOrderError(e.code);
    const text = `IB ${e.code}: ${e.message}`;
    const rows: OrderChange[] = await sqlRows(this.db, 
      `UPDATE orders SET
         last_error = $5, last_error_code = $6,
         status = CASE WHEN $7 AND status IN ('submitting', 'working') AND filled = 0 THEN 'rejected' ELSE status END,
         closed_at = CASE WHEN $7 AND status IN ('submitting', 'working') AND filled = 0 THEN now() ELSE closed_at END,
         updated_at = now()
       WHERE ${MATCH_ORDER}
       RETURNING id, alert_id, status, last_error, parent_order_id`,
      [this.clientId, e.ibOrderId, null, null, text, e.code, fatal],
    );
    if (rows.length === 0) this.log.warn({ ib: e }, `IB error for an order we do not know: ${text}`);
    await this.afterOrderChange(rows);
  }

  /** A rejected order makes its alert's fate "failed", with IB's code and message. */
  private async afterOrderChange(rows: OrderChange[]) {
    for (const row of rows) {
      this.bus.publish('order', row.id, row.status);
      if (row.status !== 'rejected' || row.alert_id === null) continue;
      // A rejected exit is recorded on its own row (the alert's fate is its entry's), and said loudly: the position
      // it was meant to protect may now be without it.
      if (row.parent_order_id !== null) {
        this.log.warn({ orderId: row.id, alertId: row.alert_id }, `an exit of alert ${row.alert_id} was rejected: ${row.last_error}`);
        continue;
      }
      const failed = await sqlRows(this.db, 
        `UPDATE alerts SET status = 'failed', reason = $2, updated_at = now() WHERE id = $1 AND status = 'placed' RETURNING id`,
        [row.alert_id, `Rejected by IB — ${row.last_error ?? 'no reason given'}`],
      );
      if (failed.length) this.bus.publish('alert', row.alert_id, 'failed');
    }
  }
}
