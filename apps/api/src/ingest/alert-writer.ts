import type { AlertExits } from '@tradehook/contracts';
import type { DataSource } from 'typeorm';
import type { AlertSignal } from '../positions/signal';
import { preciseNow } from './time';

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
  /** raw_body is only the head of the body (a rejected request without the secret); absent: false. */
  raw_body_truncated?: boolean;
  body_hash: string | null;
  idempotency_key: string | null;
  /** Position-aware fields or an admin action (alerts.signal); absent: none. */
  signal?: AlertSignal | null;
  /** Exits resting at IB with the entry (alerts.exits); absent: none. */
  exits?: AlertExits | null;
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
  /** On the monotonic clock (performance.now()): past it, the answer is 503 (TradingView gives up at 3 s). */
  deadline: number;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: Error) => void;
}

interface Batch {
  items: Pending[];
  /** Its senders were answered 503: if it commits after all, its alerts must not trade. */
  abandoned: boolean;
  /** A row-by-row retry belongs to the batch that failed: abandoning that one abandons the retries too. */
  parent?: Batch;
}

export interface AlertWriterOptions {
  duplicateWindowSeconds: () => number;
  /** Alerts whose senders got 503 but whose rows may exist: they must not trade (see AlertDisowner). */
  disown: (records: AlertRecord[], why: string) => void;
  /** Something went wrong that no request can be told about. */
  warn: (message: string, error: unknown) => void;
  maxBatch?: number;
  concurrentBatches?: number;
  /** How long after its arrival an alert may wait for its commit before the answer is 503 (default 2,000 ms). */
  deadlineMs?: number;
  /** How far the database's clock runs ahead of ours (it checks the deadline on its own clock). */
  databaseClockOffsetMs?: () => number;
}

/** Past the deadline a batch in flight gets this long to prove it did not commit before its senders get 503. */
const ABANDON_GRACE_MS = 250;
/** Abandoned batches may hold connections (a half-open link) this many beyond the working ones, no more. */
const MAX_ABANDONED = 3;
/** An alert with less time left than this is answered 503 now rather than sink the whole batch it would join. */
const MIN_TIME_LEFT_MS = 50;
const DEADLINE_PASSED = 'ingest deadline passed';
const monotonicNow = () => performance.now();

/**
 * Group commit for alerts: requests arriving while a batch is being written wait for the next one, so under load
 * one commit (one round trip, one fsync) acknowledges many alerts. No promise resolves before its row committed.
 * One batch at a time by default: measured at concurrency 64, three batches in flight made smaller batches and cost
 * 20 % more CPU per alert (each query's socket write wakes PostgreSQL) for no more throughput. More can run at once
 * (`concurrentBatches`): batches that share a key serialise on its advisory lock, taken in key order (no deadlock).
 *
 * A database that stops answering without an error (a stalled link, a frozen server) must not hold senders past
 * TradingView's 3 s: an alert still queued at its deadline is dropped and answered 503 (never written); a batch in
 * flight carries its deadline into the database, which refuses to commit it later, and if it commits in the last
 * instant anyway (or its outcome is unknown) its alerts are disowned, so that nothing answered 503 trades.
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

  /** `arrivedAt` (epoch ms from preciseNow()) starts the alert's deadline; by default, now. */
  write(record: AlertRecord, arrivedAt = preciseNow()): Promise<WriteOutcome> {
    const waited = Math.max(0, preciseNow() - arrivedAt);
    return new Promise((resolve, reject) => {
      this.queue.push({ record, arrivedAt, deadline: monotonicNow() + (this.options.deadlineMs ?? 2_000) - waited, resolve, reject });
      this.kick();
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Resolves once everything queued so far has been written, or after `timeoutMs` (graceful shutdown). */
  drain(timeoutMs = 5_000): Promise<void> {
    if (this.inFlight.size === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private kick(): void {
    const limit = this.options.concurrentBatches ?? 1;
    for (;;) {
      const working = [...this.inFlight].filter((b) => !b.abandoned).length;
      if (this.queue.length === 0 || working >= limit || this.inFlight.size >= limit + MAX_ABANDONED) break;
      const items = this.queue.splice(0, this.options.maxBatch ?? 500);
      const now = monotonicNow();
      this.fail(items.filter((p) => p.deadline - now < MIN_TIME_LEFT_MS), 'the database did not answer in time');
      const batch: Batch = { items: items.filter((p) => p.deadline - now >= MIN_TIME_LEFT_MS), abandoned: false };
      if (batch.items.length === 0) continue;
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
    const now = monotonicNow();
    this.fail(this.queue.filter((p) => p.deadline < now), 'the database did not answer in time');
    this.queue = this.queue.filter((p) => p.deadline >= now);
    for (const batch of this.inFlight) {
      if (batch.abandoned || Math.min(...batch.items.map((p) => p.deadline)) + ABANDON_GRACE_MS >= now) continue;
      batch.abandoned = true;
      this.fail(batch.items, 'the database did not commit in time');
    }
    this.kick(); // an abandoned batch frees its slot
  }

  private fail(items: Pending[], why: string): void {
    for (const p of items) p.reject(new DatabaseUnavailableError(why));
  }

  private async writeBatch(batch: Batch): Promise<void> {
    const { items } = batch;
    const abandoned = () => batch.abandoned || batch.parent?.abandoned === true;
    let outcomes: WriteOutcome[];
    try {
      outcomes = await this.insert(items);
    } catch (error) {
      if (items.length > 1 && !isConnectionFailure(error) && !abandoned()) {
        // One poisoned row must not fail its neighbours: retry them one by one.
        for (const pending of items) {
          if (abandoned()) break; // its senders were answered already
          await this.writeBatch({ items: [pending], abandoned: false, parent: batch });
        }
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      // Refused by the database's deadline, or by a row: nothing committed. A broken connection: nobody knows.
      if (isConnectionFailure(error) && !message.includes(DEADLINE_PASSED)) {
        this.options.disown(items.map((p) => p.record), 'the connection to the database broke with the outcome unknown');
      }
      this.fail(items, message);
      return;
    }
    if (abandoned()) {
      this.options.disown(items.map((p) => p.record), 'committed after its deadline');
      return;
    }
    items.forEach((p, i) => p.resolve(outcomes[i]));
    try {
      this.onCommitted(items.map((p, i) => ({ outcome: outcomes[i], record: p.record, arrivedAt: p.arrivedAt })));
    } catch (error) {
      this.options.warn('alerts committed, but handing them on failed', error);
    }
  }

  private async insert(items: Pending[]): Promise<WriteOutcome[]> {
    const records = items.map((p) => p.record);
    // The database refuses to commit past the earliest deadline in the batch (ingest_alerts' third argument),
    // read on its own clock: our wall clock now, plus the time left, plus how far its clock runs ahead of ours.
    const timeLeft = Math.min(...items.map((p) => p.deadline)) - monotonicNow();
    const deadline = new Date(Date.now() + timeLeft + (this.options.databaseClockOffsetMs?.() ?? 0)).toISOString();
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
