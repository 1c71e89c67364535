import { type Contract, EventName, type Order, OrderAction, OrderType, SecType } from '@stoqey/ib';
import { limitOrder, marketOrder, sleep, stock, stopOrder, TestEnv, type TestClient } from './support/harness';

const env = new TestEnv();
afterEach(() => env.cleanUp());

const es: Contract = { symbol: 'ES', secType: SecType.FUT, exchange: 'CME', currency: 'USD', lastTradeDateOrContractMonth: '202612' };
const eurUsd: Contract = { symbol: 'EUR', secType: SecType.CASH, exchange: 'IDEALPRO', currency: 'USD' };
const reached = (client: TestClient, orderId: number, status: string) =>
  client.waitFor(EventName.orderStatus, (id, s) => id === orderId && s === status);
const errorCodes = (client: TestClient, orderId: number) => client.errors().filter((e) => e.reqId === orderId).map((e) => e.code);

describe('minimum price variation (error 110)', () => {
  it.each([
    ['an ES limit between quarters', es, limitOrder(OrderAction.BUY, 1, 4999.1)],
    ['an ES stop between quarters', es, stopOrder(OrderAction.SELL, 1, 4990.3)],
    ['a stock limit in tenths of a cent', stock('AAPL'), limitOrder(OrderAction.BUY, 10, 189.555)],
    ['a EUR.USD limit in pips / 10', eurUsd, limitOrder(OrderAction.BUY, 20_000, 1.08001)],
    ['a stock sell limit above $1 in hundredths of a cent, though the stock trades below $1', stock('PENNY'), limitOrder(OrderAction.SELL, 10, 1.0512)],
    ['an ES trailing amount between quarters', es, { action: OrderAction.SELL, orderType: OrderType.TRAIL, totalQuantity: 1, auxPrice: 2.1, transmit: true }],
  ])('rejects %s', async (_name, contract, order: Order) => {
    const sim = await env.simulator({ prices: { ES: 5000, AAPL: 190, 'EUR.USD': 1.08, PENNY: 0.5 } });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    client.api.placeOrder(orderId, contract, order);
    const [error] = await client.waitFor(EventName.error, (_e, code, id) => id === orderId && code === 110);
    expect((error as Error).message).toBe('The price does not conform to the minimum price variation for this contract.');
    await sleep(30);
    expect(sim.executions).toEqual([]);
    expect(sim.orders[0].status).toBe('Inactive');
  });

  it.each([
    ['an ES limit on a quarter', es, limitOrder(OrderAction.BUY, 1, 5000.25)],
    ['a sub-dollar stock limit in hundredths of a cent', stock('PENNY'), limitOrder(OrderAction.BUY, 100, 0.5012)],
    ['a EUR.USD limit on a half pip', eurUsd, limitOrder(OrderAction.BUY, 20_000, 1.08005)],
  ])('fills %s', async (_name, contract, order) => {
    const sim = await env.simulator({ prices: { ES: 5000, PENNY: 0.5, 'EUR.USD': 1.08 } });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    client.api.placeOrder(orderId, contract, order);
    await reached(client, orderId, 'Filled');
    expect(errorCodes(client, orderId)).toEqual([]);
  });
});

describe('regular trading hours (tradingHours option)', () => {
  const monday = (hour: number, minute = 0) => Date.UTC(2026, 10, 23, hour, minute); // New York is UTC−5 in November

  it('holds a stock order without outsideRth (PreSubmitted) until the session opens', async () => {
    const sim = await env.simulator({ prices: { AAPL: 190 }, tradingHours: { regular: '09:30-16:00', timeZone: 'America/New_York' } });
    sim.setTime(monday(13, 0)); // 08:00 in New York
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    client.api.placeOrder(orderId, stock('AAPL'), limitOrder(OrderAction.BUY, 10, 191));
    client.api.placeOrder(orderId + 1, stock('AAPL'), limitOrder(OrderAction.BUY, 10, 191, { outsideRth: true }));
    await reached(client, orderId + 1, 'Filled'); // a limit with outsideRth works pre-market
    expect(sim.orders[0].status).toBe('PreSubmitted');
    const [warning] = await client.waitFor(EventName.error, (_e, code, id) => id === orderId && code === 399);
    expect((warning as Error).message).toBe(
      'Order Message:\nBUY 10 AAPL SMART\nWarning: your order will not be placed at the exchange until 2026-11-23 09:30:00 America/New_York',
    );

    sim.setTime(monday(14, 30)); // 09:30: the open
    await reached(client, orderId, 'Filled');
  });

  it('does not run a MKT or a stop outside the session even with outsideRth, as IB ignores it for them', async () => {
    const sim = await env.simulator({ prices: { AAPL: 190 }, tradingHours: {} });
    sim.setTime(monday(22, 0)); // 17:00 in New York
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    client.api.placeOrder(orderId, stock('AAPL'), marketOrder(OrderAction.BUY, 10, { outsideRth: true }));
    const [warning] = await client.waitFor(EventName.error, (_e, code, id) => id === orderId && code === 399);
    expect((warning as Error).message).toMatch(/until 2026-11-24 09:30:00 America\/New_York$/); // Tuesday's open
    client.api.placeOrder(orderId + 1, stock('AAPL'), stopOrder(OrderAction.SELL, 10, 195, { outsideRth: true }));
    await sleep(50);
    expect(sim.orders.map((o) => o.status)).toEqual(['PreSubmitted', 'PreSubmitted']);
    expect(sim.orders[0].outsideRth).toBe(true);

    sim.setTime(monday(15, 0)); // 10:00 the same Monday: both work
    await reached(client, orderId, 'Filled');
    await reached(client, orderId + 1, 'Filled');
  });

  it('leaves futures and currencies alone, and is off by default', async () => {
    const sim = await env.simulator({ prices: { ES: 5000, AAPL: 190 }, tradingHours: {} });
    sim.setTime(monday(22, 0));
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    client.api.placeOrder(orderId, es, marketOrder(OrderAction.BUY, 1));
    await reached(client, orderId, 'Filled');

    const alwaysOpen = await env.simulator({ prices: { AAPL: 190 } });
    alwaysOpen.setTime(monday(3, 0));
    const other = env.client(alwaysOpen.port);
    const otherId = await other.connect(2);
    other.api.placeOrder(otherId, stock('AAPL'), marketOrder(OrderAction.BUY, 1));
    await reached(other, otherId, 'Filled');
  });
});
