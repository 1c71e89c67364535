import type { DataSource } from 'typeorm';
import type { AlertRecord } from './alert-writer';

const MAX_ATTEMPTS = 10;

/**
 * Alerts whose senders were told 503 but which may have committed all the same (a batch that committed after its
 * deadline, or whose connection broke with the outcome unknown) must not trade: their rows, if they exist, are set
 * `rejected` and lose their duplicate keys, so that a retry by the sender is a new alert, not a "duplicate" of a
 * dead one. A row is recognised by its exact arrival time (µs) together with its idempotency key or body hash —
 * never an earlier alert with the same key. Retried with backoff while the database is unreachable.
 */
export class AlertDisowner {
  constructor(
    private readonly db: DataSource,
    private readonly report: (message: string, detail: Record<string, unknown>) => void,
  ) {}

  disown(records: readonly AlertRecord[], why: string): void {
    const accepted = records.filter((r) => r.status === 'accepted');
    if (accepted.length) void this.attempt(accepted, why, 1);
  }

  private async attempt(records: AlertRecord[], why: string, attempt: number): Promise<void> {
    try {
      const rows: unknown[] = await this.db.query(
        `UPDATE alerts a SET status = 'rejected', http_status = 503, idempotency_key = NULL, body_hash = NULL,
           updated_at = now(), reason = '503 unavailable: ' || $4 || '; the sender was told it was not accepted, so it does not trade'
         FROM unnest($1::timestamptz[], $2::text[], $3::text[]) AS r(received_at, idempotency_key, body_hash)
         WHERE a.status = 'accepted' AND a.received_at = r.received_at
           AND (a.idempotency_key = r.idempotency_key OR a.body_hash = r.body_hash)
         RETURNING a.id`,
        [records.map((r) => r.received_at), records.map((r) => r.idempotency_key), records.map((r) => r.body_hash), why],
      );
      if (rows.length) this.report('alerts answered 503 had committed: set rejected, not traded', { alerts: rows.length, why });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS) {
        this.report('could not disown alerts answered 503: check them before they trade', { alerts: records.length, error: String(error) });
        return;
      }
      setTimeout(() => void this.attempt(records, why, attempt + 1), Math.min(1_000 * 2 ** (attempt - 1), 30_000)).unref();
    }
  }
}
