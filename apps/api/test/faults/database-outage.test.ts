import { performance } from 'node:perf_hooks';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { originalPayload, startTestStack, type TestStack } from '../support/stack';
import { ordersPerAlert, postRaw } from './support/alert-client';
import { recordFigures } from './support/figures';
import { TcpProxy } from './support/tcp-proxy';
import { sleep, until } from './support/wait';

const OUTAGE_MS = 10_000;
const STALL_MS = 8_000;
/** TradingView's patience: a request unanswered by then is a timeout for the sender. */
const SENDER_GIVES_UP_MS = 3_000;

const stock = (alertId: string) => originalPayload({ symbol: 'IBM', exchange: 'NYSE', price: 250, alertId });

describe('PostgreSQL unreachable (connections cut and refused for 10 s, then silently stalled for 8 s)', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let stack: TestStack;
  beforeAll(async () => {
    db = await createTestDatabase();
    const server = new URL(db.url);
    proxy = new TcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    await proxy.up();
    // The API reaches PostgreSQL only through the proxy; the test's own queries go straight to the server.
    stack = await startTestStack({ db: { ...db, url: proxy.urlFor(db.url) }, sim: { prices: { IBM: 250 } } });
    await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
  });
  afterAll(async () => {
    await proxy.up();
    await stack.close();
    await proxy.down();
    await db.drop();
  });

  it('answers 503 (never 200) while nothing can be stored, and recovers by itself', async () => {
    const timed = async (body: object) => {
      const started = performance.now();
      const reply = await stack.post(body);
      return { ...reply, ms: performance.now() - started };
    };
    const before = await Promise.all([1, 2, 3].map((i) => timed(stock(`before-${i}`))));
    expect(before.map((r) => r.status)).toEqual([200, 200, 200]);

    await proxy.down();
    const during: Array<{ status: number; body: any; ms: number }> = [];
    const invalid: number[] = [];
    const outageEnds = Date.now() + OUTAGE_MS;
    for (let i = 0; Date.now() < outageEnds && i < 400; i++) {
      during.push(await timed(stock(`outage-${i}`)));
      if (i % 10 === 0) invalid.push((await stack.post({ ...stock(`bad-${i}`), direction: 'HOLD' })).status);
      await sleep(50);
    }
    const health = await stack.get('/health');
    await proxy.up();
    const upAt = performance.now();

    let recovered!: { status: number; body: any; ms: number };
    await until(async () => (recovered = await timed(stock(`after-${performance.now()}`))).status === 200, 'a 200 after the outage', 15_000, 100);
    const recoveryMs = performance.now() - upAt;
    await stack.waitFor(async () => ordersPerAlert(stack.sim.orders).has(recovered.body.id), 'the first alert after the outage at IB');

    const stored = await stack.query<{ external_id: string }>(`SELECT external_id FROM alerts WHERE external_id LIKE 'outage-%'`);
    const acknowledged = [...before, recovered].map((r) => r.body.id as number);
    const [{ n: acknowledgedStored }] = await stack.query('SELECT count(*)::int AS n FROM alerts WHERE id = ANY($1)', [acknowledged]);
    recordFigures('postgres-down-10s', {
      requestsDuringOutage: during.length, answered503: during.filter((r) => r.status === 503).length,
      answered200: during.filter((r) => r.status === 200).length, slowest503Ms: Math.round(Math.max(...during.map((r) => r.ms))),
      invalidAnswered400: invalid.filter((s) => s === 400).length, storedDuringOutage: stored.length,
      recoveredAfterMs: Math.round(recoveryMs),
    });
    expect(during.length).toBeGreaterThan(20);
    expect(during.filter((r) => r.status !== 503)).toEqual([]); // not durable → not acknowledged
    for (const reply of during) expect(reply.body).toEqual({ error: 'unavailable', message: expect.stringMatching(/not accepted/) });
    expect(invalid.every((s) => s === 400)).toBe(true); // a bad request is still told what is wrong with it
    expect(health.status).toBe(200); // the process stayed up
    expect(stored).toEqual([]);
    expect(acknowledgedStored).toBe(acknowledged.length); // every 200 is in the database
  });

  it('when the link stalls silently, answers 503 within TradingView\'s 3 s, and nothing answered 503 ever trades', async () => {
    const sendAbandoning = async (alertId: string) => {
      const started = performance.now();
      const reply = await postRaw(stack.url, Buffer.from(JSON.stringify(stock(alertId))), 'application/json', SENDER_GIVES_UP_MS);
      return { alertId, ...reply, ms: performance.now() - started };
    };
    proxy.stall();
    const sent: Array<ReturnType<typeof sendAbandoning>> = [];
    for (let i = 0; i < STALL_MS / 1_000; i++) {
      sent.push(sendAbandoning(`stalled-${i}`));
      await sleep(1_000);
    }
    const replies = await Promise.all(sent);
    await proxy.up();
    const after = await stack.post(stock(`after-stall-${Date.now()}`));
    expect(after.status).toBe(200);
    await stack.waitFor(async () => ordersPerAlert(stack.sim.orders).has(after.body.id), 'the first alert after the stall at IB', 20_000);

    const stored = await stack.query<{ id: number; external_id: string; status: string }>(
      `SELECT id, external_id, status FROM alerts WHERE external_id LIKE 'stalled-%'`);
    const placed = ordersPerAlert(stack.sim.orders);
    recordFigures('postgres-stalled-8s', {
      sent: replies.length, unansweredWithin3s: replies.filter((r) => r.status === null).length,
      answered503: replies.filter((r) => r.status === 503).length, answered200: replies.filter((r) => r.status === 200).length,
      slowest503Ms: Math.round(Math.max(...replies.filter((r) => r.status === 503).map((r) => r.ms))),
      storedAfterRecovery: stored.length, storedAccepted: stored.filter((r) => r.status !== 'rejected').length,
      placed: stored.filter((r) => placed.has(r.id)).length,
    });
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 503)); // each answered in time, none 200
    // Nothing told 503 trades: never written, refused by the database's deadline, or disowned if it committed late.
    expect(stored.filter((r) => r.status !== 'rejected')).toEqual([]);
    expect(stored.filter((r) => placed.has(r.id))).toEqual([]);
  });
});
