import type { IbConnection } from '@tradehook/contracts';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { sqlRows } from '../db/sql';
import type { EventBus } from '../events/bus';
import type { IbSession } from '../ib/ib-session';
import type { PositionSignals } from '../positions/position-signals';
import type { ContractSpec } from '../ib/ib-types';
import { hasBracketExits } from './exits/bracket';
import { insertBracketForAlert, sendBracket } from './exits/bracket-placement';
import { planAlertBracket } from './exits/entry-price';
import { TickSizes } from './exits/tick-size';
import type { ContractResolver } from './contract-resolver';
import { buildOrder, orderProblem } from './order-builder';
import { insertOrderForAlert, sendOrder } from './order-placement';
import type { Mutex } from './mutex';
import { PENDING_ALERT_COLUMNS, pendingAlertFromRow, type PendingAlert } from './pending-alert';
import type { RiskCheck } from './risk';

export interface DispatcherOptions {
  /** ORDER_MAX_AGE, read at each use: the console can change it. */
  maxAgeMs: () => number;
  /** Above this many alerts waiting in memory, the database alone is the queue. */
  memoryQueueLimit?: number;
  /** Called as an alert's placeOrder is written to the socket (the wire-latency metric). */
  onOrderWritten?: (alert: PendingAlert) => void;
  /** Position-aware alerts (EXIT, REVERSE, CANCEL, target mode, admin syncs); without it every alert trades as it says. */
  signals?: PositionSignals;
  /** The contracts' ticks that bracket exits are rounded to. */
  ticks?: TickSizes;
}

/**
 * Turns accepted alerts into IB orders, oldest first, one at a time, only while IB is connected and reconciled.
 * Fresh alerts arrive in memory straight from the ingest commit (no polling on the hot path); after a (re)start
 * or reconnect the database is swept for anything still "accepted". Stale alerts expire with the reason.
 */
export class Dispatcher {
  private memory: PendingAlert[] = [];
  private sweepNeeded = true;
  private running = false;
  private expiryTimer: NodeJS.Timeout | null = null;
  private readonly ticks: TickSizes;

  constructor(
    private readonly db: DataSource,
    private readonly session: IbSession,
    private readonly contracts: ContractResolver,
    private readonly risk: RiskCheck,
    private readonly mutex: Mutex,
    private readonly bus: EventBus,
    private readonly log: Logger,
    private readonly options: DispatcherOptions,
  ) {
    this.ticks = options.ticks ?? new TickSizes();
  }

  start(): void {
    this.expiryTimer = setInterval(() => void this.expireStale(), 1_000);
    this.expiryTimer.unref();
  }

  stop(): void {
    if (this.expiryTimer) clearInterval(this.expiryTimer);
  }

  /** Alerts just committed as accepted. */
  enqueue(alerts: PendingAlert[]): void {
    if (this.memory.length + alerts.length > (this.options.memoryQueueLimit ?? 10_000)) {
      this.memory = [];
      this.sweepNeeded = true;
    } else {
      this.memory.push(...alerts);
    }
    this.wake();
  }

  /** IB became ready: whatever waited in the database goes first. */
  onReady(): void {
    this.sweepNeeded = true;
    this.memory = [];
    this.wake();
  }

  pending(): number {
    return this.memory.length;
  }

  wake(): void {
    if (this.running || !this.session.isReady()) return;
    this.running = true;
    void this.drain()
      .catch((error: unknown) => this.log.error({ err: error }, 'dispatch loop failed'))
      .finally(() => {
        this.running = false;
        if (this.session.isReady() && (this.memory.length || this.sweepNeeded)) setTimeout(() => this.wake(), 200).unref();
      });
  }

  private async drain(): Promise<void> {
    while (this.session.isReady()) {
      const next = await this.nextBatch();
      if (next.length === 0) return;
      for (const alert of next) {
        if (!this.session.isReady()) return;
        await this.mutex.run(() => this.dispatch(alert));
      }
    }
  }

  private async nextBatch(): Promise<PendingAlert[]> {
    if (this.sweepNeeded) {
      const rows = await this.db.query(
        `SELECT ${PENDING_ALERT_COLUMNS} FROM alerts WHERE status = 'accepted' ORDER BY id LIMIT 200`);
      if (rows.length) return rows.map(pendingAlertFromRow);
      this.sweepNeeded = false;
    }
    return this.memory.splice(0, 200);
  }

  private async dispatch(alert: PendingAlert): Promise<void> {
    const generation = this.session.generationNow;
    if (!this.session.isReady()) {
      this.sweepNeeded = true; // the database still says "accepted": the next sweep picks it up
      return;
    }
    const ageMs = Date.now() - alert.receivedAt.getTime();
    if (ageMs > this.options.maxAgeMs()) return this.expire(alert.id, ageMs);
    // An admin action (flatten, sync) names the exact contract held; an alert is resolved from its ticker.
    const resolution = alert.signal?.contract ? { ok: true as const, contract: alert.signal.contract } : await this.contracts.resolve(alert);
    if (!resolution.ok) return this.refuse(alert.id, resolution.reason);
    const { contract } = resolution;
    const step = this.options.signals ? await this.options.signals.step(alert, contract) : { kind: 'trade' as const, alert };
    if (step.kind === 'conclude') return this.conclude(alert.id, step.status, step.reason, contract);
    const planned = step.alert;
    const verdict = await this.risk(planned, contract);
    if (!verdict.ok) return this.refuse(alert.id, verdict.reason, contract);
    const order = buildOrder(planned, verdict.defaults);
    const problem = orderProblem(order, contract);
    if (problem) return this.refuse(alert.id, problem, contract);
    if (hasBracketExits(planned.exits)) {
      const plan = await planAlertBracket(order, planned.exits, contract, verdict.reference, this.ticks);
      if (!plan.ok) return this.refuse(alert.id, plan.reason, contract);
      const bracket = await insertBracketForAlert(this.db, this.session, alert.id, contract, plan.entry, plan.exits);
      if (!bracket) return;
      await this.placed(alert, planned, contract, bracket.parent.id);
      const sent = await sendBracket(this.db, this.session, generation, bracket, contract, plan.entry, () => this.options.onOrderWritten?.(alert));
      return this.notSent(sent, alert, bracket.parent.id);
    }
    const row = await insertOrderForAlert(this.db, alert.id, this.session.allocateOrderId(), this.session.clientId, contract, order);
    if (!row) return; // already handled elsewhere (a sweep and the memory queue can both hold it)
    await this.placed(alert, planned, contract, row.id);
    const sent = await sendOrder(this.db, this.session, generation, row, contract, order, () => this.options.onOrderWritten?.(alert));
    this.notSent(sent, alert, row.id);
  }

  private async placed(alert: PendingAlert, planned: PendingAlert, contract: ContractSpec, orderId: number): Promise<void> {
    await this.options.signals?.placed(planned, contract);
    this.bus.publish('alert', alert.id, 'placed');
    this.bus.publish('order', orderId, 'submitting');
  }

  /** Not sent: the socket changed under us; the next reconcile finds the rows and owns them. */
  private notSent(sent: boolean, alert: PendingAlert, orderId: number): void {
    if (!sent) this.log.warn({ alertId: alert.id, orderId }, 'order written but not sent; reconcile will place it');
  }

  private async expire(alertId: number, ageMs: number): Promise<void> {
    const rows = await sqlRows(this.db, 
      `UPDATE alerts SET status = 'expired', reason = $2, updated_at = now() WHERE id = $1 AND status = 'accepted' RETURNING id`,
      [alertId, `Not placed: ${Math.round(ageMs / 1000)} s old, older than ORDER_MAX_AGE (${this.options.maxAgeMs() / 1000} s)`],
    );
    if (rows.length) this.bus.publish('alert', alertId, 'expired');
  }

  /** The contract, when the ticker resolved, is kept so the trader sees what the alert would have traded. */
  private refuse(alertId: number, reason: string, contract: ContractSpec | null = null): Promise<void> {
    return this.conclude(alertId, 'refused', reason, contract);
  }

  /** The alert's fate without an order: refused, or done (a position-aware alert that needed none). */
  private async conclude(alertId: number, status: 'refused' | 'done', reason: string, contract: ContractSpec | null): Promise<void> {
    const rows = await sqlRows(this.db, 
      `UPDATE alerts SET status = $4, reason = $2, contract = $3::jsonb, updated_at = now()
       WHERE id = $1 AND status = 'accepted' RETURNING id`,
      [alertId, reason, contract && JSON.stringify(contract), status],
    );
    if (rows.length) this.bus.publish('alert', alertId, status);
  }

  /** Alerts that waited too long — IB down, or a backlog — get their fate recorded even while nothing is placed. */
  private async expireStale(): Promise<void> {
    try {
      const rows: Array<{ id: number }> = await sqlRows(this.db, 
        `UPDATE alerts SET status = 'expired', updated_at = now(),
           reason = $2
         WHERE status = 'accepted' AND received_at < now() - make_interval(secs => $1::float8) RETURNING id`,
        [this.options.maxAgeMs() / 1000, `Not placed within ORDER_MAX_AGE (${this.options.maxAgeMs() / 1000} s): ${
          this.session.isReady() ? 'dispatch backlog' : ibDown(this.session.connection())}`],
      );
      rows.forEach((r) => this.bus.publish('alert', r.id, 'expired'));
    } catch (error) {
      this.log.warn({ err: error }, 'expiry sweep failed');
    }
  }
}

/** Why nothing was placed while IB was not ready, as the expired alert tells it (a refused live account, say). */
const ibDown = ({ state, reason }: IbConnection) => `IB was ${state}${reason ? ` (${reason})` : ''}`;
