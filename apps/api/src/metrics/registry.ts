import { ALERT_STATUSES, IB_STATES, ORDER_STATUSES, type IbConnection } from '@tradehook/contracts';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { preciseNow } from '../ingest/time';
import type { PendingAlert } from '../orders/pending-alert';

/** How long the alert and order counts of one scrape serve the next ones. */
const COUNT_TTL_MS = 5_000;

export interface MetricsSources {
  db: DataSource;
  ibConnection: () => IbConnection;
  /** Accepted alerts waiting in the dispatcher's memory queue. */
  dispatchQueueDepth: () => number;
  /** Contracts whose IB position differs from the strategies' sum beyond working orders (DriftMonitor). */
  driftingContracts?: () => number;
}

/**
 * Tradehook's Prometheus metrics, in a registry of its own (several apps can live in one process: the tests).
 * Alerts and orders by status are counted in PostgreSQL at scrape time — the ledger is the truth, and in-memory
 * counters would restart from zero with the process. Latencies are observed in-process as they happen.
 */
export class TradehookMetrics {
  readonly registry = new Registry();
  private readonly ack: Histogram<'status_code'>;
  private readonly wire: Histogram;
  private readonly alerts: Gauge<'status'>;
  private readonly orders: Gauge<'status'>;
  private readonly databaseUp: Gauge;

  constructor(private readonly sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.ack = new Histogram({
      name: 'tradehook_webhook_ack_seconds',
      help: 'From the /webhook request arriving to its reply sent (after the durable commit for a 200)',
      labelNames: ['status_code'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3],
      registers,
    });
    this.wire = new Histogram({
      name: 'tradehook_order_wire_seconds',
      help: 'From the /webhook request arriving to its placeOrder written to the IB socket (pacing waits included)',
      buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    this.alerts = new Gauge({ name: 'tradehook_alerts', help: 'Stored alerts by current status (PostgreSQL, at scrape time)', labelNames: ['status'], registers });
    this.orders = new Gauge({ name: 'tradehook_orders', help: 'Orders by current status (PostgreSQL, at scrape time)', labelNames: ['status'], registers });
    this.databaseUp = new Gauge({ name: 'tradehook_database_up', help: '1 when the scrape could count alerts and orders in PostgreSQL', registers });
    new Gauge({
      name: 'tradehook_ib_connection_state',
      help: '1 for the current state of the IB connection (connected = reconciled and placing orders)',
      labelNames: ['state'],
      registers,
      collect() {
        const current = sources.ibConnection().state;
        for (const state of IB_STATES) this.set({ state }, state === current ? 1 : 0);
      },
    });
    new Gauge({
      name: 'tradehook_dispatch_queue_depth',
      help: 'Accepted alerts queued in memory for dispatch (tradehook_alerts{status="accepted"} also counts those only in the database)',
      registers,
      collect() {
        this.set(sources.dispatchQueueDepth());
      },
    });
    new Gauge({
      name: 'tradehook_drifting_contracts',
      help: "Contracts whose position at IB differs from the sum of the strategies' positions beyond working orders",
      registers,
      collect() {
        this.set(sources.driftingContracts?.() ?? 0);
      },
    });
  }

  /** A /webhook reply has been sent; `receivedAt` is the request's arrival (epoch ms). */
  observeAck(receivedAt: number, statusCode: number): void {
    this.ack.observe({ status_code: String(statusCode) }, (preciseNow() - receivedAt) / 1000);
  }

  /** placeOrder for this alert has just been written to the socket. */
  observeOrderWritten(alert: PendingAlert): void {
    const receivedAt = alert.receivedAtMs ?? alert.receivedAt.getTime();
    this.wire.observe((preciseNow() - receivedAt) / 1000);
  }

  /**
   * The exposition text. The database counts are taken at most once per COUNT_TTL_MS, shared by concurrent scrapes:
   * counting is a full scan, and a scraper (or an attacker) polling hard must not take the webhook's database time.
   */
  async render(): Promise<string> {
    if (!this.counting || preciseNow() - this.countedAt > COUNT_TTL_MS) {
      this.countedAt = preciseNow();
      this.counting = this.countByStatus();
    }
    await this.counting;
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private counting: Promise<void> | null = null;
  private countedAt = 0;

  private async countByStatus(): Promise<void> {
    this.alerts.reset();
    this.orders.reset();
    try {
      const rows: Array<{ kind: 'alert' | 'order'; status: string; n: number }> = await this.sources.db.query(
        `SELECT 'alert' AS kind, status, count(*)::int AS n FROM alerts GROUP BY status
         UNION ALL SELECT 'order', status, count(*)::int FROM orders GROUP BY status`);
      // Every known status is exported, zeros included, so a series never vanishes between scrapes.
      for (const status of ALERT_STATUSES) this.alerts.set({ status }, 0);
      for (const status of ORDER_STATUSES) this.orders.set({ status }, 0);
      for (const row of rows) (row.kind === 'alert' ? this.alerts : this.orders).set({ status: row.status }, row.n);
      this.databaseUp.set(1);
    } catch {
      this.databaseUp.set(0); // counts are left out rather than shown stale
    }
  }
}
