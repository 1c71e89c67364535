import { startTestStack, TEST_SECRET, type TestStack } from '../support/stack';

const LIVE_ACCOUNT = 'U1234567';
const aapl = (alertId: string) => ({
  stratName: 'S', symbol: 'AAPL', exchange: 'NASDAQ', price: 190, direction: 'BUY', secmgs: TEST_SECRET, alertId,
});
const fateOf = async (stack: TestStack, id: number) => (await stack.query('SELECT status, reason FROM alerts WHERE id = $1', [id]))[0];

describe('a Gateway logged into a live account, on a port that is not a live one', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // The simulator listens on a random port, never 7496/4001: only the account says "live".
    stack = await startTestStack({ env: { ORDER_MAX_AGE: '2' }, sim: { account: LIVE_ACCOUNT, prices: { AAPL: 190 } } });
  });
  afterAll(() => stack.close());

  it('is refused without IB_ALLOW_LIVE: no order is sent, the status and the log say why, the alert expires saying so', async () => {
    const status = await stack.waitFor(async () => {
      const s = (await stack.get('/api/status')).body;
      return s.ib.account === LIVE_ACCOUNT && s.ib.state === 'disconnected' && s;
    }, 'the refusal in /api/status');
    expect(status.ib).toMatchObject({ mode: 'live', reason: expect.stringMatching(/U1234567 is a live .*IB_ALLOW_LIVE is not true/) });
    expect(status.status).toBe('degraded');

    const sent = await stack.post(aapl('live-1'));
    expect(sent).toMatchObject({ status: 200, body: { status: 'accepted' } });
    const fate = await stack.waitFor(async () => {
      const f = await fateOf(stack, sent.body.id);
      return f.status !== 'accepted' && f;
    }, 'the alert\'s fate', 15_000);
    expect(fate).toEqual({ status: 'expired', reason: expect.stringMatching(/ORDER_MAX_AGE.*U1234567 is a live .*IB_ALLOW_LIVE/) });

    expect(stack.running.services.session.isReady()).toBe(false);
    expect(stack.sim.orders).toEqual([]);
    expect(stack.sim.stats.placeOrders).toBe(0);
    expect((await stack.query('SELECT count(*)::int AS n FROM orders'))[0].n).toBe(0);
    const refusal = stack.logs.map((line) => JSON.parse(line)).find((l) => /IB connection refused/.test(l.msg));
    expect(refusal).toMatchObject({ level: 50, msg: expect.stringContaining(LIVE_ACCOUNT) });
  });
});

describe('the same account with IB_ALLOW_LIVE=true', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { IB_ALLOW_LIVE: 'true' }, sim: { account: LIVE_ACCOUNT, prices: { AAPL: 190 } } });
    await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
  });
  afterAll(() => stack.close());

  it('trades, and the mode says live', async () => {
    expect((await stack.get('/api/status')).body.ib).toMatchObject({ mode: 'live', state: 'connected', account: LIVE_ACCOUNT, reason: null });
    const sent = await stack.post(aapl('live-2'));
    await stack.waitFor(async () => stack.sim.orders.some((o) => o.orderRef.startsWith(`TH-${sent.body.id}-`)), 'the order at IB');
  });
});
