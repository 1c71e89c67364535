import { originalPayload, startTestStack, type TestStack } from '../support/stack';
import { fateOf as alertFate, ordersAtIb } from '../support/admin-calls';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ sim: { prices: { AAPL: 190, MSFT: 400, TSLA: 250 } } });
  await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
  // The original payload's strategy, configured without limits: once any strategy exists, unknown ones are refused.
  await createStrategy({ name: 'Strat Alpha' });
});
afterAll(() => stack.close());

const json = (method: string, body: unknown) => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function createStrategy(data: Record<string, unknown>) {
  const res = await stack.fetch('/api/admin/strategies', json('POST', data));
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number; secret: string };
}

async function setSettings(data: Record<string, unknown>) {
  expect((await stack.fetch('/api/admin/settings/1', json('PUT', data))).status).toBe(200);
}

const fateOf = (payload: Record<string, unknown>) => alertFate(stack, payload);
const ordersFor = (alertId: number) => ordersAtIb(stack, alertId);

describe('risk rules, end to end: refused with the rule named, nothing sent to IB', () => {
  it.each([
    ['strategy disabled', { name: 'Off', enabled: false }, { stratName: 'Off' }],
    ['symbol not allowed', { name: 'OnlyApple', allowedSymbols: ['aapl'] }, { stratName: 'OnlyApple', symbol: 'MSFT' }],
    ['max quantity', { name: 'Small', maxQuantity: '5' }, { stratName: 'Small', quantity: 6 }],
    ['max notional', { name: 'Budget', maxNotional: '1000' }, { stratName: 'Budget', quantity: 10, price: 190 }],
    ['trading window', { name: 'Never', tradingWindowStart: '00:00', tradingWindowEnd: '00:00', timeZone: 'Pacific/Kiritimati' },
      { stratName: 'Never' }],
    // An alert claiming price 0 must not slip past the limit, nor a future priced without its multiplier.
    ['max notional', { name: 'ZeroPrice', maxNotional: '1000' }, { stratName: 'ZeroPrice', symbol: 'TSLA', quantity: 500, price: 0 }],
    ['max notional', { name: 'Futures', maxNotional: '10000' }, { stratName: 'Futures', symbol: 'ESZ6', exchange: 'CME_MINI', price: 6000 }],
  ])('%s', async (rule, strategy, alert) => {
    await createStrategy(strategy);
    const fate = await fateOf(originalPayload({ symbol: 'AAPL', exchange: 'NASDAQ', price: 190, ...alert }));
    expect(fate.status).toBe('refused');
    expect(fate.reason).toContain(`"${rule}"`);
    expect(ordersFor(fate.id)).toHaveLength(0);
  });

  it('kill switch, then trading again once it is off', async () => {
    const events: string[] = [];
    const unsubscribe = stack.running.services.bus.subscribe((e) => events.push(e.type));
    await setSettings({ killSwitch: true });
    unsubscribe();
    expect(events).toContain('settings'); // open pages refresh the kill switch they show
    const refused = await fateOf(originalPayload({ symbol: 'AAPL', exchange: 'NASDAQ', alertId: 'ks-1' }));
    expect(refused.reason).toContain('"kill switch"');
    await setSettings({ killSwitch: false });
    const placed = await fateOf(originalPayload({ symbol: 'AAPL', exchange: 'NASDAQ', price: 190, alertId: 'ks-2' }));
    expect(placed.status).toBe('placed');
    await stack.waitFor(async () => ordersFor(placed.id).length === 1, 'order at IB');
    const { body } = await stack.get('/api/status');
    expect(body.dispatch.killSwitch).toBe(false);
  });

  it('unknown strategy: refused by default once strategies exist, accepted when the policy allows it', async () => {
    const nobody = (alertId: string) => originalPayload({ stratName: 'Nobody', symbol: 'TSLA', exchange: 'NASDAQ', price: 250, alertId });
    const byDefault = await fateOf(nobody('u-1'));
    expect(byDefault.reason).toContain('"unknown strategy"');
    await setSettings({ unknownStrategyPolicy: 'allow' });
    expect((await fateOf(nobody('u-2'))).status).toBe('placed');
    await setSettings({ unknownStrategyPolicy: 'refuse' });
    const fate = await fateOf(nobody('u-3'));
    expect(fate.reason).toContain('"unknown strategy"');
    await setSettings({ unknownStrategyPolicy: 'auto' });
  });

  it('uses the strategy default quantity and obeys an edit on the very next alert', async () => {
    const { id } = await createStrategy({ name: 'Edit', defaultQuantity: '3', maxQuantity: '10' });
    const first = await fateOf(originalPayload({ stratName: 'Edit', symbol: 'AAPL', exchange: 'NASDAQ', price: 190, alertId: 'e-1' }));
    const [order] = await stack.waitFor(async () => ordersFor(first.id).length > 0 && ordersFor(first.id), 'order at IB');
    expect(order.totalQuantity).toBe(3);
    expect((await stack.fetch(`/api/admin/strategies/${id}`, json('PUT', { maxQuantity: '2' }))).status).toBe(200);
    const second = await fateOf(originalPayload({ stratName: 'Edit', symbol: 'AAPL', exchange: 'NASDAQ', price: 190, alertId: 'e-2' }));
    expect(second.reason).toContain('"max quantity"');
  });
});

describe('per-strategy secrets and the IP allowlist', () => {
  it('accepts the strategy secret and the global one, and forgets a rotated secret', async () => {
    const { id, secret } = await createStrategy({ name: 'Own' });
    const own = await stack.post(originalPayload({ stratName: 'Own', secmgs: secret, alertId: 'own-1' }));
    expect(own.status).toBe(200);
    const rotated = await (await stack.fetch(`/api/admin/strategies/${id}`, json('PUT', { rotateSecret: true }))).json() as { secret: string };
    expect(rotated.secret).not.toBe(secret);
    expect((await stack.post(originalPayload({ stratName: 'Own', secmgs: secret, alertId: 'own-2' }))).status).toBe(401);
    expect((await stack.post(originalPayload({ stratName: 'Own', secmgs: rotated.secret, alertId: 'own-3' }))).status).toBe(200);
    expect((await stack.post(originalPayload({ stratName: 'Own', alertId: 'own-4' }))).status).toBe(200);
    const [{ hits }] = await stack.query(`SELECT count(*)::int AS hits FROM alerts WHERE alerts::text LIKE $1 OR alerts::text LIKE $2`,
      [`%${secret}%`, `%${rotated.secret}%`]);
    expect(hits).toBe(0);
  });

  it('answers 403 to an address outside the allowlist, and records it', async () => {
    await setSettings({ ipAllowlistEnabled: true, ipAllowlist: ['52.89.214.238'] });
    const res = await stack.post(originalPayload({ alertId: 'ip-1' }));
    expect(res).toMatchObject({ status: 403, body: { error: 'forbidden_address' } });
    await setSettings({ ipAllowlistEnabled: true, ipAllowlist: ['127.0.0.1', '::1', '::ffff:127.0.0.1'] });
    expect((await stack.post(originalPayload({ alertId: 'ip-2' }))).status).toBe(200);
    await setSettings({ ipAllowlistEnabled: false });
    const [row] = await stack.query(`SELECT http_status, reason FROM alerts WHERE http_status = 403`);
    expect(row.reason).toContain('allowlist');
  });
});

describe('console actions', () => {
  it('resends a refused alert once; a second resend is a duplicate', async () => {
    await setSettings({ killSwitch: true });
    const refused = await fateOf(originalPayload({ symbol: 'MSFT', exchange: 'NASDAQ', price: 400, alertId: 'r-1' }));
    await setSettings({ killSwitch: false });
    const first = await (await stack.fetch(`/api/admin/alerts/${refused.id}/resend`, { method: 'POST' })).json() as { id: number; status: string };
    expect(first.status).toBe('accepted');
    const again = await (await stack.fetch(`/api/admin/alerts/${refused.id}/resend`, { method: 'POST' })).json() as { id: number; status: string };
    expect(again).toEqual({ id: first.id, status: 'duplicate' });
    await stack.waitFor(async () => ordersFor(first.id).length === 1, 'resent alert placed');
    expect((await stack.fetch(`/api/admin/alerts/${first.id}/resend`, { method: 'POST' })).status).toBe(409);
  });

  it('cancels a working order at IB', async () => {
    stack.sim.setPrice('TSLA', 250);
    const { body } = await stack.post(originalPayload({ symbol: 'TSLA', exchange: 'NASDAQ', price: 250, orderType: 'LMT', limitPrice: 240, alertId: 'c-1' }));
    const order = await stack.waitFor(async () =>
      (await stack.query(`SELECT id FROM orders WHERE alert_id = $1 AND status = 'working'`, [body.id]))[0], 'working order');
    expect((await stack.fetch(`/api/admin/orders/${order.id}/cancel`, { method: 'POST' })).status).toBe(202);
    await stack.waitFor(async () =>
      (await stack.query(`SELECT 1 FROM orders WHERE id = $1 AND status = 'cancelled'`, [order.id])).length, 'order cancelled');
    expect((await stack.fetch(`/api/admin/orders/${order.id}/cancel`, { method: 'POST' })).status).toBe(409);
  });
});

describe('order shape, end to end: refused before anything is sent', () => {
  it('a stop order without a stop price (the stop type from the strategy\'s default) is refused, not sent to fail at IB', async () => {
    await createStrategy({ name: 'Stops', defaultOrderType: 'STP' });
    const fate = await fateOf(originalPayload({ stratName: 'Stops', symbol: 'AAPL', exchange: 'NASDAQ', price: 190 }));
    expect(fate.status).toBe('refused');
    expect(fate.reason).toContain('needs a stopPrice');
    expect(ordersFor(fate.id)).toHaveLength(0);
  });
});
