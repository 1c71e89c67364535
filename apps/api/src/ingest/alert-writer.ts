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
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: Error) => void;
}

/**
 * Group commit for alerts: requests arriving while a batch is being written wait for the next one, so under load
 * one commit (one round trip, one fsync) acknowledges many alerts. No promise resolves before its row committed.
 */
export class AlertWriter {
  private queue: Pending[] = [];
  private writing = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly db: DataSource,
    private readonly options: { duplicateWindowSeconds: () => number; maxBatch?: number },
    private readonly onCommitted: (committed: Array<{ outcome: WriteOutcome; record: AlertRecord }>) => void,
  ) {}

  write(record: AlertRecord): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      this.kick();
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Resolves once everything queued so far has been written (graceful shutdown). */
  drain(): Promise<void> {
    if (!this.writing && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private kick(): void {
    if (this.writing) return;
    if (this.queue.length === 0) {
      this.idleWaiters.splice(0).forEach((wake) => wake());
      return;
    }
    this.writing = true;
    const batch = this.queue.splice(0, this.options.maxBatch ?? 500);
    void this.writeBatch(batch).finally(() => {
      this.writing = false;
      this.kick();
    });
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    try {
      const outcomes = await this.insert(batch.map((p) => p.record));
      batch.forEach((p, i) => p.resolve(outcomes[i]));
      this.onCommitted(batch.map((p, i) => ({ outcome: outcomes[i], record: p.record })));
    } catch (error) {
      if (batch.length > 1 && !isConnectionFailure(error)) {
        // One poisoned row must not fail its neighbours: retry them one by one.
        for (const pending of batch) await this.writeBatch([pending]);
        return;
      }
      const failure = new DatabaseUnavailableError(error instanceof Error ? error.message : String(error));
      batch.forEach((p) => p.reject(failure));
    }
  }

  private async insert(records: AlertRecord[]): Promise<WriteOutcome[]> {
    const rows: Array<{ idx: number; alert_id: number; alert_status: WriteOutcome['status']; original_id: number | null }> =
      await this.db.query('SELECT * FROM ingest_alerts($1::jsonb, $2::interval)', [
        JSON.stringify(records),
        `${this.options.duplicateWindowSeconds()} seconds`,
      ]);
    const outcomes = new Array<WriteOutcome>(records.length);
    for (const row of rows) {
      outcomes[row.idx] = { id: row.alert_id, status: row.alert_status, originalId: row.original_id };
    }
    return outcomes;
  }
}

function isConnectionFailure(error: unknown): boolean {
  const text = error instanceof Error ? `${(error as { code?: string }).code ?? ''} ${error.message}` : String(error);
  return /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|timeout|terminat|Connection|57P0|53300|08\d\d\d/i.test(text);
}
