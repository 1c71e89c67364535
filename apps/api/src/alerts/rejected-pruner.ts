import type { DataSource } from 'typeorm';
import { PeriodicRefresh } from '../common/periodic-refresh';

const BATCH_SIZE = 500;
/** Between two batches: a long backlog (after a flood) is worked off without holding the database busy. */
const PAUSE_MS = 50;
const EVERY_MS = 10 * 60_000;

/**
 * One batch: the oldest rejected or duplicate alerts past the retention period that led to no order. Neither kind
 * holds a duplicate key (ingest_alerts stores keys on accepted rows only), so deleting them changes no later
 * decision. SKIP LOCKED: a row someone is deleting from the console is left to them, not waited for.
 */
const DELETE_BATCH = `
  WITH gone AS (
    DELETE FROM alerts WHERE id IN (
      SELECT a.id FROM alerts a
      WHERE a.status IN ('rejected', 'duplicate') AND a.received_at < now() - make_interval(days => $1)
        AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.alert_id = a.id)
      ORDER BY a.received_at LIMIT $2
      FOR UPDATE SKIP LOCKED)
    RETURNING 1)
  SELECT count(*)::int AS n FROM gone`;

export interface PrunerReport {
  pruned(count: number): void;
  failed(error: unknown): void;
}

/**
 * Deletes old rejected and duplicate alerts on a schedule (at start, then every ten minutes), in small batches of
 * short transactions on rows nothing else writes: ingest never waits for it. A pass still running is not doubled.
 */
export class RejectedAlertPruner {
  private pass: Promise<number> | null = null;
  private stopped = false;
  private readonly schedule: PeriodicRefresh;

  constructor(
    private readonly db: DataSource,
    /** The settings' rejectedRetentionDays, read at each batch. */
    private readonly retentionDays: () => number,
    private readonly report: PrunerReport,
    everyMs = EVERY_MS,
  ) {
    // The schedule only starts a pass: the start-up does not wait for a backlog to be deleted.
    this.schedule = new PeriodicRefresh(async () => void this.run(), everyMs);
  }

  start(): Promise<void> {
    this.stopped = false;
    return this.schedule.start();
  }

  /** Stops the schedule and waits for the batch in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.schedule.stop();
    await this.pass;
  }

  /** One pass, batch after batch until nothing is left to delete: how many alerts it deleted. */
  run(): Promise<number> {
    this.pass ??= this.prune().finally(() => {
      this.pass = null;
    });
    return this.pass;
  }

  private async prune(): Promise<number> {
    let total = 0;
    try {
      while (!this.stopped) {
        const [{ n }] = await this.db.query(DELETE_BATCH, [this.retentionDays(), BATCH_SIZE]);
        total += n;
        if (n < BATCH_SIZE) break;
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
    } catch (error) {
      this.report.failed(error); // the next pass tries again
    }
    if (total > 0) this.report.pruned(total);
    return total;
  }
}
