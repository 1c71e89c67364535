/** The requests an API uses to reconcile after a (re)connect: executions, open orders, positions, completed orders. */
import { EventName, OrderAction } from '@stoqey/ib';
import { limitOrder, marketOrder, stock, TestEnv, type TestClient } from './support/harness';

const env = new TestEnv();
afterEach(() => env.cleanUp());

async function fillMarket(client: TestClient, orderId: number, symbol: string, action: OrderAction, quantity: number, orderRef = '') {
  client.api.placeOrder(orderId, stock(symbol), marketOrder(action, quantity, { orderRef }));
  await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Filled');
}

describe('reqExecutions', () => {
  it("replays this client's executions with the request id, each followed by its commission report", async () => {
    const sim = await env.simulator({ prices: { AAPL: 100, MSFT: 400 } });
    const client = env.client(sim.port);
    const other = env.client(sim.port);
    const orderId = await client.connect(1);
    const otherOrderId = await other.connect(2);
    await fillMarket(client, orderId, 'AAPL', OrderAction.BUY, 10, 'alert-a');
    await fillMarket(client, orderId + 1, 'MSFT', OrderAction.SELL, 4, 'alert-b');
    await fillMarket(other, otherOrderId, 'AAPL', OrderAction.BUY, 1);

    const mark = client.mark();
    client.api.reqExecutions(7, {});
    await client.waitFor(EventName.execDetailsEnd, (reqId) => reqId === 7);

    const replayed = client.events(EventName.execDetails).filter(([reqId]) => reqId === 7).map(([, , e]) => e as any);
    expect(replayed.map((e) => [e.orderId, e.execId, e.shares, e.cumQty])).toEqual(
      sim.executions.filter((e) => e.clientId === 1).map((e) => [e.orderId, e.execId, e.shares, e.cumQty]),
    );
    expect(client.sequenceSince(mark, [EventName.execDetails, EventName.commissionReport, EventName.execDetailsEnd])).toEqual([
      ...Array(4).fill([EventName.execDetails, EventName.commissionReport]).flat(),
      EventName.execDetailsEnd,
    ]);

    client.api.reqExecutions(8, { symbol: 'MSFT', side: 'SELL' });
    await client.waitFor(EventName.execDetailsEnd, (reqId) => reqId === 8);
    const filtered = client.events(EventName.execDetails).filter(([reqId]) => reqId === 8).map(([, , e]) => (e as any).orderRef);
    expect(filtered).toEqual(['alert-b', 'alert-b']);
  });

  it('replaces a corrected execution (.01 → .02) live and in the replay', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 } });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    await fillMarket(client, orderId, 'AAPL', OrderAction.BUY, 10);
    const original = sim.executions[1];
    expect(original.execId).toMatch(/^[0-9a-f]{8}\.[0-9a-f]{8}\.01\.01$/);

    const corrected = sim.correctExecution(original.execId, 100.5);

    expect(corrected.execId).toBe(original.execId.replace(/\.01$/, '.02'));
    const [reqId, , live] = await client.waitFor(EventName.execDetails, (_r, _c, e) => e.execId === corrected.execId);
    expect([reqId, (live as any).price, (live as any).avgPrice]).toEqual([-1, 100.5, 100.25]);
    await client.waitFor(EventName.commissionReport, (r) => r.execId === corrected.execId);

    client.api.reqExecutions(3, {});
    await client.waitFor(EventName.execDetailsEnd, (id) => id === 3);
    const replayedIds = client.events(EventName.execDetails).filter(([id]) => id === 3).map(([, , e]) => (e as any).execId);
    expect(replayedIds).toEqual([sim.executions[0].execId, corrected.execId]);
    expect(sim.orders[0].avgFillPrice).toBe(100.25);
  });
});

describe('reqOpenOrders', () => {
  it('lists the working orders of this client with their status, then openOrderEnd', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 } });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    client.api.placeOrder(orderId, stock('AAPL'), limitOrder(OrderAction.BUY, 5, 90, { orderRef: 'resting' }));
    await fillMarket(client, orderId + 1, 'AAPL', OrderAction.BUY, 1);

    const openOrdersBefore = client.count(EventName.openOrder);
    client.api.reqOpenOrders();
    await client.waitFor(EventName.openOrderEnd);

    const listed = client.events(EventName.openOrder).slice(openOrdersBefore);
    expect(listed.map(([id, , order, state]) => [id, (order as any).orderRef, (state as any).status])).toEqual([
      [orderId, 'resting', 'Submitted'],
    ]);
    const lastStatus = client.events(EventName.orderStatus).at(-1)!;
    expect(lastStatus.slice(0, 4)).toEqual([orderId, 'Submitted', 0, 5]);
  });
});

describe('reqPositions', () => {
  it('derives positions per account and contract from the fills, average cost including commissions as IB reports it', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100, MSFT: 400 } });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    await fillMarket(client, orderId, 'AAPL', OrderAction.BUY, 100);
    sim.setPrice('AAPL', 110);
    await fillMarket(client, orderId + 1, 'AAPL', OrderAction.SELL, 40);
    await fillMarket(client, orderId + 2, 'MSFT', OrderAction.SELL, 3);

    client.api.reqPositions();
    await client.waitFor(EventName.positionEnd);

    const positions = client.events(EventName.position).map(([account, contract, pos, avgCost]) => [account, (contract as any).symbol, pos, avgCost]);
    expect(positions).toEqual([
      // Two partial fills each, $1 minimum commission apiece: (100 × 100 + $2) / 100; the sale realizes, the cost stays.
      ['DU1234567', 'AAPL', 60, 100.02],
      ['DU1234567', 'MSFT', -3, 399.33333333], // a short nets the commission off its proceeds: (3 × 400 − $2) / 3
    ]);
  });
});

describe('reqCompletedOrders', () => {
  it('reports filled and cancelled orders (no order id on the wire: match by permId / orderRef)', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 } });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    await fillMarket(client, orderId, 'AAPL', OrderAction.BUY, 10, 'filled-one');
    client.api.placeOrder(orderId + 1, stock('AAPL'), limitOrder(OrderAction.BUY, 10, 50, { orderRef: 'cancelled-one' }));
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId + 1 && status === 'Submitted');
    client.api.cancelOrder(orderId + 1);
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId + 1 && status === 'Cancelled');
    client.api.placeOrder(orderId + 2, stock('AAPL'), limitOrder(OrderAction.BUY, 10, 50, { orderRef: 'still-working' }));

    client.api.reqCompletedOrders(true);
    await client.waitFor(EventName.completedOrdersEnd);

    const completed = client.events(EventName.completedOrder).map(([contract, order, state]) => ({
      symbol: (contract as any).symbol,
      orderRef: (order as any).orderRef,
      permId: (order as any).permId,
      filled: (order as any).filledQuantity,
      status: (state as any).status,
      completedStatus: (state as any).completedStatus,
    }));
    expect(completed).toEqual([
      { symbol: 'AAPL', orderRef: 'filled-one', permId: sim.orders[0].permId, filled: 10, status: 'Filled', completedStatus: 'Filled' },
      { symbol: 'AAPL', orderRef: 'cancelled-one', permId: sim.orders[1].permId, filled: 0, status: 'Cancelled', completedStatus: 'Cancelled' },
    ]);
  });
});
