import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

/** Worth a warning: clocks this far apart mean NTP is missing on one side. */
const WARN_SKEW_MS = 500;

/**
 * How far PostgreSQL's clock runs ahead of ours, in ms. The ingest deadline is checked by the database on its own
 * clock: uncorrected, a server a few seconds ahead would refuse every batch, and one behind would commit late ones.
 */
export class DatabaseClock {
  private offset = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: DataSource, private readonly log: Logger) {}

  get offsetMs(): number {
    return this.offset;
  }

  /** Measures now, then every minute (clocks drift, and NTP steps them). */
  async start(): Promise<void> {
    await this.measure();
    this.timer = setInterval(() => void this.measure(), 60_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async measure(): Promise<void> {
    const runner = this.db.createQueryRunner();
    const giveUp = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), 2_000).unref());
    const connecting = runner.connect();
    try {
      await Promise.race([connecting, giveUp]);
      // The database read its clock somewhere in the round trip: its middle is the guess, the shortest trip the best.
      let best = { trip: Infinity, offset: 0 };
      for (let sample = 0; sample < 3; sample++) {
        const sentAt = Date.now();
        const [{ now }] = await Promise.race([runner.query(`SELECT extract(epoch FROM clock_timestamp()) * 1000 AS now`), giveUp]);
        const receivedAt = Date.now();
        if (receivedAt - sentAt < best.trip) best = { trip: receivedAt - sentAt, offset: Number(now) - (sentAt + receivedAt) / 2 };
      }
      this.offset = best.offset;
      if (Math.abs(this.offset) > WARN_SKEW_MS) {
        this.log.warn({ offsetMs: Math.round(this.offset) }, 'PostgreSQL\'s clock differs from this server\'s: ingest deadlines are corrected for it');
      }
    } catch {
      // Unreachable now: the last estimate stands (the outage itself is reported by every request).
    } finally {
      // Also when the connection arrives after we gave up on it: it goes back to the pool, not astray.
      connecting.then(() => runner.release()).catch(() => undefined);
    }
  }
}
