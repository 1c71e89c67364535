/**
 * Issue 10 #4 and #5 over real sockets (@stoqey/ib ↔ simulator): prices are checked against IB's market data, not
 * the alert's word, and only contracts IB can find are sent — the resolved contract shown with the alert.
 */
import { originalPayload, startTestStack, type TestStack } from '../support/stack';
import { fateOf as alertFate, ordersAtIb } from '../support/admin-calls';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ sim: { prices: { AAPL: 190, MSFT: 400, ES: 6000 }, partialFills: 1 } });
  await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
  for (const strategy of [{ name: 'Strat Alpha' }, { name: 'Budget', maxNotional: '1000' }]) {
    const res = await stack.fetch('/api/admin/strategies', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(strategy),
    });
    expect(res.status).toBe(201);
  }
});
afterAll(() => stack.close());

const fateOf = (payload: Record<string, unknown>) => alertFate(stack, payload);
const atIb = (alertId: number) => ordersAtIb(stack, alertId);
const apple = (extra: Record<string, unknown>) => originalPayload({ symbol: 'AAPL', exchange: 'NASDAQ', price: 190, ...extra });

describe('reference prices from IB market data', () => {
  it('prices a market order at IB\'s price, not the alert\'s 0.0001: 100 × 190 against a 1,000 cap is refused', async () => {
    const fate = await fateOf(apple({ stratName: 'Budget', price: 0.0001, quantity: 100, alertId: 'tiny' }));
    expect(fate.status).toBe('refused');
    expect(fate.reason).toMatch(/"max notional": 100 × 190 \(IB delayed market data, last, seen \d\d:\d\d:\d\d UTC\) = 19000 > 1000/);
    expect(atIb(fate.id)).toHaveLength(0);
  });

  it('refuses an alert priced 20 % away from IB\'s reference, naming both prices', async () => {
    const fate = await fateOf(apple({ price: 152, alertId: 'off-band' }));
    expect(fate.status).toBe('refused');
    expect(fate.reason).toContain('"price band": the alert\'s price 152 is 20.0 % from IB\'s reference price 190');
    expect(fate.reason).toContain('the band is 10 %');
    expect(atIb(fate.id)).toHaveLength(0);
    // Within the band it trades; the band is a setting.
    expect((await fateOf(apple({ price: 180, alertId: 'in-band' }))).status).toBe('placed');
    const widened = await stack.fetch('/api/admin/settings/1', {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ priceBandPercent: 25 }),
    });
    expect(await widened.json()).toMatchObject({ priceBandPercent: 25 });
    expect((await fateOf(apple({ price: 152, alertId: 'wider-band' }))).status).toBe('placed');
    await stack.fetch('/api/admin/settings/1', {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ priceBandPercent: 10 }),
    });
  });

  it('refuses when IB has no market data for the account and nothing was ever filled', async () => {
    stack.sim.setMarketData('none');
    try {
      const fate = await fateOf(originalPayload({ symbol: 'NVDA', exchange: 'NASDAQ', price: 120, alertId: 'no-data' }));
      expect(fate.status).toBe('refused');
      expect(fate.reason).toContain('cannot be checked: no reference price for NVDA — IB gave no market data (IB 354: Requested market data is not subscribed.)');
      expect(fate.reason).toContain('and no fill of it is known');
      expect(atIb(fate.id)).toHaveLength(0);
    } finally {
      stack.sim.setMarketData('delayed');
    }
  });

  it('asks IB for each contract once, paced, and streams it after that', async () => {
    // MSFT's own subscriptions: the account mirror may subscribe to held contracts meanwhile (failed once counting all).
    const before = stack.sim.marketDataSubscriptions('MSFT');
    for (const alertId of ['m-1', 'm-2', 'm-3']) {
      expect((await fateOf(originalPayload({ symbol: 'MSFT', exchange: 'NASDAQ', price: 400, alertId }))).status).toBe('placed');
    }
    expect(stack.sim.marketDataSubscriptions('MSFT')).toBe(before + 1);
    expect(stack.sim.stats.pacingViolations).toBe(0);
  });
});

describe('contracts IB will accept', () => {
  it.each([
    ['CME_MINI:ES1!', undefined],
    ['ES1!', undefined],
    ['ES1!', 'CME_MINI'],
  ])('%s (exchange %p) is the front ES future on CME, shown with the alert', async (symbol, exchange) => {
    const fate = await fateOf(originalPayload({ symbol, exchange, price: 6000, alertId: `es-${symbol}-${exchange}` }));
    expect(fate.status).toBe('placed');
    const [order] = await stack.waitFor(async () => (atIb(fate.id).length ? atIb(fate.id) : null), 'order at IB');
    expect(order).toMatchObject({ symbol: 'ES', secType: 'FUT', exchange: 'CME' });
    expect(order.localSymbol).toMatch(/^ES[HMUZ]\d$/);
    const { body } = await stack.get(`/api/alerts/${fate.id}`);
    expect(body.contract).toMatchObject({ secType: 'FUT', symbol: 'ES', exchange: 'CME', currency: 'USD', localSymbol: order.localSymbol });
    expect(body.contract.lastTradeDate).toMatch(/^20\d\d(03|06|09|12)$/);
  });

  it('refuses an unknown futures root and garbage before IB hears of them, saying why', async () => {
    const unknownRoot = await fateOf(originalPayload({ symbol: 'QQ1!', exchange: undefined, price: 100, alertId: 'qq' }));
    expect(unknownRoot).toMatchObject({ status: 'refused',
      reason: 'Refused: QQ1! looks like a futures ticker, but QQ is not a futures root Tradehook knows — add QQ1! (or QQ) to the contract map' });
    const garbage = await fateOf(originalPayload({ symbol: 'CME:ES:1!', exchange: undefined, price: 100, alertId: 'garbage' }));
    expect(garbage.reason).toContain('expected SYMBOL or EXCHANGE:SYMBOL');
    expect([...atIb(unknownRoot.id), ...atIb(garbage.id)]).toHaveLength(0);
    const { body } = await stack.get(`/api/alerts/${unknownRoot.id}`);
    expect(body).toMatchObject({ status: 'refused', contract: null });
  });

  it('shows a stock split from NASDAQ:AAPL with its primary exchange, in the list too', async () => {
    const fate = await fateOf(originalPayload({ symbol: 'NASDAQ:AAPL', exchange: undefined, price: 190, alertId: 'split-aapl' }));
    expect(fate.status).toBe('placed');
    const { body } = await stack.get('/api/alerts?limit=5');
    expect(body.items.find((a: { id: number }) => a.id === fate.id).contract)
      .toEqual({ secType: 'STK', symbol: 'AAPL', exchange: 'SMART', primaryExchange: 'NASDAQ', currency: 'USD', localSymbol: null,
        lastTradeDate: null, multiplier: null });
  });
});
