import pg from 'pg';
import type { DataSource } from 'typeorm';
import pino from 'pino';
import { DatabaseClock } from '../../src/db/database-clock';
import { openDatabase } from '../../src/db/data-source';
import { AlertWriter, DatabaseUnavailableError, type AlertRecord } from '../../src/ingest/alert-writer';
import { isoMicros } from '../../src/ingest/time';
import { createTestDatabase, type TestDatabase } from '../support/database';

const record = (key: string): AlertRecord => ({
  received_at: isoMicros(Date.now()), client_ip: '127.0.0.1', strategy: 'S', symbol: 'IBM', exchange: 'NYSE',
  price: '250.125', direction: 'BUY', quantity: '1', order_type: null, limit_price: null, stop_price: null, tif: null,
  sec_type: null, currency: null, alert_text: null, external_id: key, raw_body: '{}', body_hash: `hash-${key}`,
  idempotency_key: JSON.stringify(['S', key]), status: 'accepted', reason: null, http_status: 200,
});

describe('AlertWriter against PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const committed: number[] = [];
  let writer: AlertWriter;
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await openDatabase({ url: db.url });
    writer = new AlertWriter(ds, { duplicateWindowSeconds: () => 10, deadlineMs: 500 },
      (rows) => committed.push(...rows.map((r) => r.outcome.id)));
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
    const skewed = new AlertWriter(ds, { duplicateWindowSeconds: () => 10, databaseClockOffsetMs: () => -5_000 }, () => {});
    await expect(skewed.write(record('skewed'))).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(await stored('skewed')).toEqual([]);
  });
});
