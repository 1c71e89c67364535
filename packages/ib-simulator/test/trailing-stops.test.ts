import { EventName, type Order, OrderAction, OrderType, SecType } from '@stoqey/ib';
import { limitOrder, sleep, stock, TestEnv, type TestClient } from './support/harness';

const env = new TestEnv();
afterEach(() => env.cleanUp());

const trail = (action: OrderAction, totalQuantity: number, extra: Partial<Order>): Order =>
  ({ action, orderType: OrderType.TRAIL, totalQuantity, transmit: true, ...extra });
const reached = (client: TestClient, orderId: number, status: string) =>
  client.waitFor(EventName.orderStatus, (id, s) => id === orderId && s === status);
/** The trailStopPrice the latest OPEN_ORDER of an order reported. */
const reportedStop = (client: TestClient, orderId: number) =>
  (client.events(EventName.openOrder).filter(([id]) => id === orderId).at(-1)?.[2] as Order | undefined)?.trailStopPrice;

async function openOrdersStop(client: TestClient, orderId: number): Promise<number | undefined> {
  const seen = client.count(EventName.openOrderEnd);
  client.api.reqOpenOrders();
  await client.waitFor(EventName.openOrderEnd, () => true, { skip: seen });
  return reportedStop(client, orderId);
}

describe.each([193, 176])('trailing stops at server version %i', (serverVersion) => {
  it('follows the price up by its amount, never down, and triggers like a stop', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 }, serverVersion });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);

    client.api.placeOrder(orderId, stock('AAPL'), trail(OrderAction.SELL, 10, { auxPrice: 2 }));
    await reached(client, orderId, 'Submitted');
    expect(reportedStop(client, orderId)).toBe(98);

    sim.setPrice('AAPL', 105); // favourable: the stop follows to 103
    sim.setPrice('AAPL', 104); // back down, above the stop: it stays at 103
    expect(await openOrdersStop(client, orderId)).toBe(103);
    expect(sim.orders[0].status).toBe('Submitted');

    sim.setPrice('AAPL', 102.9); // through the stop: a market sale
    await reached(client, orderId, 'Filled');
    expect(sim.executions.map((e) => [e.side, e.price])).toEqual([['SLD', 102.9], ['SLD', 102.9]]);
    expect(reportedStop(client, orderId)).toBe(103);
  });

  it('trails a BUY by a percentage, rounded to the tick', async () => {
    const sim = await env.simulator({ prices: { ES: 5000 }, serverVersion });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    const es = { symbol: 'ES', secType: SecType.FUT, exchange: 'CME', currency: 'USD', lastTradeDateOrContractMonth: '202612' };

    client.api.placeOrder(orderId, es, trail(OrderAction.BUY, 1, { trailingPercent: 1 }));
    await reached(client, orderId, 'Submitted');
    expect(reportedStop(client, orderId)).toBe(5050);
    sim.setPrice('ES', 4900.25); // 1 % above is 4949.2525: the next tick up is 4949.5
    expect(await openOrdersStop(client, orderId)).toBe(4949.5);
    sim.setPrice('ES', 4949.5);
    await reached(client, orderId, 'Filled');
    expect(sim.orders[0]).toMatchObject({ trailingPercent: 1, trailStopPrice: 4949.5 });
    expect(sim.executions[0].price).toBe(4949.5);
  });
});

describe('trailing stops', () => {
  it.each([193, 176])('reads lmtPriceOffset past the optional blocks of PLACE_ORDER (algo, hedge) at %i', async (serverVersion) => {
    const sim = await env.simulator({ prices: { AAPL: 100 }, serverVersion });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    client.api.placeOrder(orderId, stock('AAPL'), trail(OrderAction.SELL, 10, {
      orderType: OrderType.TRAIL_LIMIT, auxPrice: 1, lmtPriceOffset: 0.25, outsideRth: true, ocaGroup: 'g', ocaType: 2,
      algoStrategy: 'Adaptive', algoParams: [{ tag: 'adaptivePriority', value: 'Normal' }], hedgeType: 'F', hedgeParam: '1',
    }));
    await reached(client, orderId, 'Submitted');
    expect(sim.orders[0]).toMatchObject({ lmtPriceOffset: 0.25, outsideRth: true, ocaType: 2, trailStopPrice: 99 });
  });

  it('a TRAIL LIMIT turns into a limit at stop − lmtPriceOffset when triggered', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 } });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);

    client.api.placeOrder(orderId, stock('AAPL'), trail(OrderAction.SELL, 10, { orderType: OrderType.TRAIL_LIMIT, auxPrice: 1, lmtPriceOffset: 0.5 }));
    await reached(client, orderId, 'Submitted');
    sim.setPrice('AAPL', 98.4); // triggered at 99; the limit 98.5 is not reached
    await sleep(30);
    expect(sim.orders[0]).toMatchObject({ status: 'Submitted', trailStopPrice: 99, lmtPrice: 98.5 });
    sim.setPrice('AAPL', 98.6);
    await reached(client, orderId, 'Filled');
    expect(sim.executions[0].price).toBe(98.6);
  });

  it('starts a bracket child trail when the parent fills, from the price then', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 } });
    const client = env.client(sim.port);
    const parentId = await client.connect(1);

    client.api.placeOrder(parentId, stock('AAPL'), limitOrder(OrderAction.BUY, 10, 95, { transmit: false }));
    client.api.placeOrder(parentId + 1, stock('AAPL'), trail(OrderAction.SELL, 10, { auxPrice: 1, parentId }));
    await reached(client, parentId, 'Submitted');
    sim.setPrice('AAPL', 110); // the held child does not trail
    sim.setPrice('AAPL', 95);
    await reached(client, parentId + 1, 'Submitted');
    expect(reportedStop(client, parentId + 1)).toBe(94);
  });
});
