import type { DataSource } from 'typeorm';

/** One row for ingest_alerts(): the columns of `alerts` as the database function reads them. */
export interface AlertRecord {
  received_at: string;
  client_ip: string | null;
  strategy: string | null;
  symbol: string | null;
  exchange: string | null;
  price: string | null;
  direction: string | null;
  quantity: string | null;
  order_type: string | null;
  limit_price: string | null;
  stop_price: string | null;
  tif: string | null;
  sec_type: string | null;
  currency: string | null;
  alert_text: string | null;
  external_id: string | null;
  raw_body: string | null;
  body_hash: string | null;
  idempotency_key: string | null;
  status: 'accepted' | 'rejected';
  reason: string | null;
  http_status: number;
}

export interface WriteOutcome {
  id: number;
  status: 'accepted' | 'duplicate' | 'rejected';
  originalId: number | null;
}

/** Postgres could not be reached or failed: nothing was made durable. */
export class DatabaseUnavailableError extends Error {}

interface Pending {
  record: AlertRecord;
  /** Epoch ms (sub-ms precision) when the request arrived. */
  arrivedAt: number;
  /** Epoch ms after which this alert is answered 503 rather than kept waiting (TradingView gives up at 3 s). */
  deadline: number;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: Error) => void;
}

interface Batch {
  items: Pending[];
  /** Its senders were answered 503: if it commits after all, its alerts must not trade. */
  abandoned: boolean;
}

export interface AlertWriterOptions {
  duplicateWindowSeconds: () => number;
  maxBatch?: number;
  concurrentBatches?: number;
  /** How long after its arrival an alert may wait for its commit before the answer is 503 (default 2,000 ms). */
  deadlineMs?: number;
  /** How far the database's clock runs ahead of ours (it checks the deadline on its own clock). */
  databaseClockOffsetMs?: () => number;
}

/** Past the deadline a batch in flight gets this long to prove it did not commit before its senders get 503. */
const ABANDON_GRACE_MS = 250;
const DEADLINE_PASSED = 'ingest deadline passed';

/**
 * Group commit for alerts: requests arriving while batches are being written wait for the next one, so under load
 * one commit (one round trip, one fsync) acknowledges many alerts. No promise resolves before its row committed.
 * One batch at a time by default: measured at concurrency 64, three batches in flight made smaller batches and cost
 * 20 % more CPU per alert (each query's socket write wakes PostgreSQL) for no more throughput. More can run at once
 * (`concurrentBatches`): batches that share a key serialise on its advisory lock, taken in key order (no deadlock).
 *
 * A database that stops answering without an error (a stalled link, a frozen server) must not hold senders past
 * TradingView's 3 s: an alert still queued at its deadline is dropped and answered 503 (never written); a batch in
 * flight carries its deadline into the database, which refuses to commit it later, and if it does commit in the
 * last instant anyway, its alerts are marked rejected so that nothing answered 503 trades.
 */
export class AlertWriter {
  private queue: Pending[] = [];
  private readonly inFlight = new Set<Batch>();
  private idleWaiters: Array<() => void> = [];
  private watchdog: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly options: AlertWriterOptions,
    private readonly onCommitted: (committed: Array<{ outcome: WriteOutcome; record: AlertRecord; arrivedAt: number }>) => void,
  ) {}

  /** `arrivedAt` (epoch ms) starts the alert's deadline; by default, now. */
  write(record: AlertRecord, arrivedAt = Date.now()): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, arrivedAt, deadline: arrivedAt + (this.options.deadlineMs ?? 2_000), resolve, reject });
      this.kick();
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Resolves once everything queued so far has been written (graceful shutdown). */
  drain(): Promise<void> {
    if (this.inFlight.size === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private kick(): void {
    while (this.queue.length > 0 && this.inFlight.size < (this.options.concurrentBatches ?? 1)) {
      const batch: Batch = { items: this.queue.splice(0, this.options.maxBatch ?? 500), abandoned: false };
      this.inFlight.add(batch);
      void this.writeBatch(batch).finally(() => {
        this.inFlight.delete(batch);
        this.kick();
      });
    }
    if (this.inFlight.size === 0 && this.queue.length === 0) {
      this.idleWaiters.splice(0).forEach((wake) => wake());
      if (this.watchdog) clearInterval(this.watchdog);
      this.watchdog = null;
    } else if (!this.watchdog) {
      this.watchdog = setInterval(() => this.enforceDeadlines(), 100);
      this.watchdog.unref();
    }
  }

  /** Answers 503 for whatever waits past its deadline; see the class comment. */
  private enforceDeadlines(): void {
    const now = Date.now();
    const late = this.queue.filter((p) => p.deadline < now);
    if (late.length) {
      this.queue = this.queue.filter((p) => p.deadline >= now);
      late.forEach((p) => p.reject(new DatabaseUnavailableError('the database did not answer in time')));
    }
    for (const batch of this.inFlight) {
      if (batch.abandoned || Math.min(...batch.items.map((p) => p.deadline)) + ABANDON_GRACE_MS >= now) continue;
      batch.abandoned = true;
      batch.items.forEach((p) => p.reject(new DatabaseUnavailableError('the database did not commit in time')));
    }
  }

  private async writeBatch(batch: Batch): Promise<void> {
    const { items } = batch;
    try {
      const outcomes = await this.insert(items);
      if (batch.abandoned) return this.disown(outcomes);
      items.forEach((p, i) => p.resolve(outcomes[i]));
      this.onCommitted(items.map((p, i) => ({ outcome: outcomes[i], record: p.record, arrivedAt: p.arrivedAt })));
    } catch (error) {
      if (items.length > 1 && !isConnectionFailure(error) && !batch.abandoned) {
        // One poisoned row must not fail its neighbours: retry them one by one.
        for (const pending of items) await this.writeBatch({ items: [pending], abandoned: false });
        return;
      }
      const failure = new DatabaseUnavailableError(error instanceof Error ? error.message : String(error));
      items.forEach((p) => p.reject(failure));
    }
  }

  /** A batch answered 503 that committed after all: its alerts are recorded as not accepted, so none trades. */
  private async disown(outcomes: WriteOutcome[]): Promise<void> {
    const ids = outcomes.filter((o) => o.status === 'accepted').map((o) => o.id);
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE alerts SET status = 'rejected', http_status = 503, updated_at = now(),
         reason = '503 unavailable: the database committed after the sender was told it had not; not traded'
       WHERE id = ANY($1::bigint[]) AND status = 'accepted'`, [ids]);
  }

  private async insert(items: Pending[]): Promise<WriteOutcome[]> {
    const records = items.map((p) => p.record);
    // The database refuses to commit past the earliest deadline in the batch (ingest_alerts' third argument).
    const earliest = Math.min(...items.map((p) => p.deadline));
    const deadline = new Date(earliest + (this.options.databaseClockOffsetMs?.() ?? 0)).toISOString();
    const rows: Array<{ idx: number; alert_id: number; alert_status: WriteOutcome['status']; original_id: number | null }> =
      await this.db.query('SELECT * FROM ingest_alerts($1::jsonb, $2::interval, $3::timestamptz)', [
        JSON.stringify(records),
        `${this.options.duplicateWindowSeconds()} seconds`,
        deadline,
      ]);
    const outcomes = new Array<WriteOutcome>(records.length);
    for (const row of rows) {
      outcomes[row.idx] = { id: row.alert_id, status: row.alert_status, originalId: row.original_id };
    }
    return outcomes;
  }
}

/** Failures of the database as a whole (not of one row): retrying row by row would not help. */
function isConnectionFailure(error: unknown): boolean {
  const text = error instanceof Error ? `${(error as { code?: string }).code ?? ''} ${error.message}` : String(error);
  return text.includes(DEADLINE_PASSED) || /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|timeout|terminat|Connection|57P0|53300|08\d\d\d/i.test(text);
}
