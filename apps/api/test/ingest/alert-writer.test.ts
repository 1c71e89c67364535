import pg from 'pg';
import type { DataSource } from 'typeorm';
import pino from 'pino';
import { DatabaseClock } from '../../src/db/database-clock';
import { openDatabase } from '../../src/db/data-source';
import { AlertDisowner } from '../../src/ingest/alert-disowner';
import { AlertWriter, DatabaseUnavailableError, type AlertRecord, type AlertWriterOptions } from '../../src/ingest/alert-writer';
import { isoMicros, preciseNow } from '../../src/ingest/time';
import { createTestDatabase, type TestDatabase } from '../support/database';

const record = (key: string): AlertRecord => ({
  received_at: isoMicros(preciseNow()), client_ip: '127.0.0.1', strategy: 'S', symbol: 'IBM', exchange: 'NYSE',
  price: '250.125', direction: 'BUY', quantity: '1', order_type: null, limit_price: null, stop_price: null, tif: null,
  sec_type: null, currency: null, alert_text: null, external_id: key, raw_body: '{}', body_hash: `hash-${key}`,
  idempotency_key: JSON.stringify(['S', key]), status: 'accepted', reason: null, http_status: 200,
});

describe('AlertWriter against PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const committed: number[] = [];
  let writer: AlertWriter;
  /** The product's own wiring: a real disowner on the same database. */
  const writerWith = (options: Partial<AlertWriterOptions>) => new AlertWriter(ds, {
    duplicateWindowSeconds: () => 10,
    disown: (records, why) => new AlertDisowner(ds, () => undefined).disown(records, why),
    warn: (message, error) => { throw new Error(`${message}: ${String(error)}`); },
    ...options,
  }, (rows) => committed.push(...rows.map((r) => r.outcome.id)));
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await openDatabase({ url: db.url });
    writer = writerWith({ deadlineMs: 500 });
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });
  const stored = async (key: string) =>
    (await ds.query(`SELECT status FROM alerts WHERE external_id = $1`, [key])) as Array<{ status: string }>;

  it('commits concurrent alerts in shared batches, each answered with its own row', async () => {
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, i) => writer.write(record(`many-${i}`))));
    expect(new Set(outcomes.map((o) => o.id)).size).toBe(200);
    expect(outcomes.every((o) => o.status === 'accepted')).toBe(true);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM alerts WHERE external_id LIKE 'many-%'`);
    expect(n).toBe(200);
  });

  it('lets the database refuse a batch past its deadline: nothing is stored', async () => {
    await expect(writer.write(record('too-late'), Date.now() - 5_000)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(await stored('too-late')).toEqual([]);
  });

  it('answers 503 for a batch stuck in the database past its deadline, and it never commits later', async () => {
    // Another session holds the alert's advisory lock: the batch blocks inside ingest_alerts() like a frozen server.
    const blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [JSON.stringify(['S', 'stuck'])]);
    const started = Date.now();
    const before = committed.length;
    const attempt = writer.write(record('stuck'));
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(Date.now() - started).toBeLessThan(2_000); // the deadline (500 ms) plus the grace, not the lock's length
    await blocker.query('COMMIT');
    await blocker.end();
    await writer.drain();
    expect(await stored('stuck')).toEqual([]);
    expect(committed.length).toBe(before); // nothing reached the dispatcher
  });

  it('corrects the deadline for the database clock, which it measures', async () => {
    const clock = new DatabaseClock(ds, pino({ level: 'silent' }));
    await clock.start();
    clock.stop();
    expect(Math.abs(clock.offsetMs)).toBeLessThan(100); // one machine, one clock
    // Told the database runs 5 s behind, the writer hands it a deadline that has already passed there.
    const skewed = writerWith({ databaseClockOffsetMs: () => -5_000 });
    await expect(skewed.write(record('skewed'))).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(await stored('skewed')).toEqual([]);
  });

  it('never lets an alert answered 503 trade: late commits are disowned, retries of a failed batch included', async () => {
    // The database is told the deadline is a minute away, so only the writer's own bookkeeping can stop these.
    const late = writerWith({ deadlineMs: 1_000, databaseClockOffsetMs: () => 60_000 });
    const blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    for (const key of ['stuck-first', 'retried']) {
      await blocker.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [JSON.stringify(['S', key])]);
    }
    const before = committed.length;
    // A batch stuck on a lock, already near its deadline; behind it, one batch of a row PostgreSQL refuses (a lone
    // surrogate) and a good row, which is then retried alone — and also gets stuck.
    const first = late.write(record('stuck-first'), preciseNow() - 700);
    const poisoned = late.write({ ...record('poisoned'), alert_text: 'bad \ud800 text' });
    const retried = late.write(record('retried'));
    for (const attempt of [first, poisoned, retried]) await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError);

    await blocker.query('COMMIT'); // both stuck writes now commit, long after their senders got 503
    await blocker.end();
    await late.drain();
    const fates = async () => (await ds.query(
      `SELECT external_id, status, idempotency_key FROM alerts WHERE external_id IN ('stuck-first', 'retried') ORDER BY external_id`));
    await until(async () => (await fates()).every((r: { status: string }) => r.status === 'rejected'));
    expect(await fates()).toEqual([
      { external_id: 'retried', status: 'rejected', idempotency_key: null },
      { external_id: 'stuck-first', status: 'rejected', idempotency_key: null },
    ]);
    expect(committed.length).toBe(before); // none reached the dispatcher
    // The sender's retry is a new alert, not a "duplicate" of the disowned row.
    expect(await late.write(record('retried'))).toMatchObject({ status: 'accepted' });
  });
});

async function until(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
