import { IbSimulator } from '@tradehook/ib-simulator';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { originalPayload, startTestStack, type TestStack } from '../support/stack';

/** The simulators' prices: an alert must be priced near IB's (the price band). */
const PRICES: Record<string, number> = { KO: 60, PEP: 170, IBM: 250 };
const stock = (symbol: string, extra: Record<string, unknown> = {}) =>
  originalPayload({ symbol, exchange: 'NYSE', price: PRICES[symbol], ...extra });
const statusOf = async (stack: TestStack, id: number) => (await stack.query('SELECT status, reason FROM alerts WHERE id = $1', [id]))[0];

describe('a Gateway restart mid-stream', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { ORDER_MAX_AGE: '4' }, sim: { prices: { KO: 60, PEP: 170 } } });
    await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
  });
  afterAll(() => stack.close());

  it('places fresh alerts from the outage once, expires stale ones, and backfills missed executions', async () => {
    stack.sim.setFillDelay(400);
    const before = await stack.post(stock('KO', { alertId: 'before-outage' }));
    await stack.waitFor(async () => stack.sim.orders.some((o) => o.orderRef.startsWith(`TH-${before.body.id}-`)), 'order at the simulator');
    const restart = stack.sim.restart(5_000); // the fill lands while we are disconnected
    await stack.waitFor(async () => !stack.running.services.session.isReady(), 'IB down');
    // Reconnect attempts back off (≈0.5, 1, 2, 4 s): the Gateway is back after 5 s and we reach it 6–9 s after
    // the drop — the alert sent at once is then older than ORDER_MAX_AGE, the one sent at 5.5 s is not.
    const stale = await stack.post(stock('PEP', { alertId: 'stale' }));
    await restart;
    stack.sim.setFillDelay(0);
    await new Promise((r) => setTimeout(r, 500));
    const fresh = await stack.post(stock('PEP', { alertId: 'fresh' }));
    expect([stale.status, fresh.status]).toEqual([200, 200]);

    // "placed" commits before placeOrder waits for its pacing slot: wait for the Gateway's side too.
    await stack.waitFor(async () => (await statusOf(stack, fresh.body.id)).status === 'placed'
      && stack.sim.orders.some((o) => o.orderRef.startsWith(`TH-${fresh.body.id}-`)), 'fresh alert placed', 20_000);
    const staleFate = await stack.waitFor(async () => {
      const s = await statusOf(stack, stale.body.id);
      return s.status === 'expired' && s;
    }, 'stale alert expired');
    expect(staleFate.reason).toMatch(/ORDER_MAX_AGE/);
    expect(stack.sim.orders.filter((o) => o.orderRef.startsWith(`TH-${fresh.body.id}-`))).toHaveLength(1);
    expect(stack.sim.orders.filter((o) => o.orderRef.startsWith(`TH-${stale.body.id}-`))).toHaveLength(0);

    const [order] = await stack.query('SELECT * FROM orders WHERE alert_id = $1', [before.body.id]);
    await stack.waitFor(async () => (await stack.query(`SELECT 1 FROM executions WHERE order_id = $1`, [order.id])).length > 0,
      'missed executions backfilled', 20_000);
    const simExecs = stack.sim.executions.filter((e) => e.orderId === order.ib_order_id).length;
    const [{ n }] = await stack.query('SELECT count(*)::int AS n FROM executions WHERE order_id = $1', [order.id]);
    expect(n).toBe(simExecs);
    expect(stack.sim.stats.pacingViolations).toBe(0);
  });
});

describe('an API restart mid-stream', () => {
  let db: TestDatabase;
  const gateway = new IbSimulator({ walk: false, prices: { IBM: 250 } });
  beforeAll(async () => {
    db = await createTestDatabase();
    await gateway.start();
  });
  afterAll(async () => {
    await gateway.stop();
    await db.drop();
  });

  it('never reuses an order id and never places an alert twice', async () => {
    const first = await startTestStack({ db, simulator: gateway });
    await first.waitFor(async () => first.running.services.session.isReady(), 'IB connected');
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) ids.push((await first.post(stock('IBM', { alertId: `a-${i}` }))).body.id);
    await first.running.close(); // accepted alerts may still be waiting: the next process must place them
    const second = await startTestStack({ db, simulator: gateway });
    try {
      for (let i = 20; i < 30; i++) ids.push((await second.post(stock('IBM', { alertId: `a-${i}` }))).body.id);
      await second.waitFor(async () => {
        const [{ n }] = await second.query(`SELECT count(*)::int AS n FROM alerts WHERE status = 'placed'`);
        // "placed" commits before placeOrder waits for its pacing slot: wait for the Gateway's side too.
        return n === 30 && gateway.orders.length >= 30;
      }, 'all 30 alerts placed', 20_000);
      const orders = await second.query('SELECT ib_order_id, alert_id FROM orders ORDER BY id');
      expect(new Set(orders.map((o) => o.ib_order_id)).size).toBe(30);
      expect(new Set(orders.map((o) => o.alert_id)).size).toBe(30);
      const simRefs = gateway.orders.map((o) => o.orderRef);
      expect(simRefs).toHaveLength(30);
      expect(new Set(simRefs).size).toBe(30);
      expect(gateway.orders.filter((o) => o.status === 'Inactive')).toEqual([]);
    } finally {
      await second.close();
    }
  });
});

describe('a hung Gateway (sockets open, nothing answered)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { IB_HEARTBEAT_SECONDS: '1' }, sim: { prices: { KO: 60 } } });
    await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
  });
  afterAll(() => stack.close());

  it('is noticed by the heartbeat, and the alert sent meanwhile is placed once after it answers again', async () => {
    const hung = stack.sim.freeze(5_000);
    const down = await stack.waitFor(async () => {
      const connection = stack.running.services.session.connection();
      return connection.state !== 'connected' && connection;
    }, 'the hung Gateway noticed', 4_000);
    expect(down.reason).toMatch(/stopped answering/);
    const during = await stack.post(stock('KO', { alertId: 'while-hung' }));
    expect(during.status).toBe(200);
    await hung;
    await stack.waitFor(async () => (await statusOf(stack, during.body.id)).status === 'placed'
      && stack.sim.orders.some((o) => o.orderRef.startsWith(`TH-${during.body.id}-`)), 'placed after the Gateway answers', 30_000);
    expect(stack.sim.orders.filter((o) => o.orderRef.startsWith(`TH-${during.body.id}-`))).toHaveLength(1);
    expect(stack.sim.stats.pacingViolations).toBe(0);
  });
});
