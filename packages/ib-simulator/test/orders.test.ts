import { EventName, OrderAction, OrderType } from '@stoqey/ib';
import { limitOrder, marketOrder, sleep, stock, stopOrder, TestEnv } from './support/harness';

const env = new TestEnv();
afterEach(() => env.cleanUp());

async function connectedPair(options: Parameters<TestEnv['simulator']>[0] = {}) {
  const sim = await env.simulator(options);
  const client = env.client(sim.port);
  const orderId = await client.connect(1);
  return { sim, client, orderId };
}

const statusOf = (client: ReturnType<TestEnv['client']>, orderId: number) =>
  client.events(EventName.orderStatus).filter(([id]) => id === orderId).map(([, status]) => status);

describe('market orders', () => {
  it('fills a MKT order in two partial executions with commission reports', async () => {
    const { sim, client, orderId } = await connectedPair({ prices: { AAPL: 190.25 } });

    client.api.placeOrder(orderId, stock('AAPL'), marketOrder(OrderAction.BUY, 101, { orderRef: 'alert-1' }));

    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Filled');
    const executions = client.events(EventName.execDetails).map(([reqId, , exec]) => ({ reqId, ...(exec as object) })) as any[];
    expect(executions.map((e) => [e.reqId, e.shares, e.cumQty, e.avgPrice, e.price])).toEqual([
      [-1, 51, 51, 190.25, 190.25],
      [-1, 50, 101, 190.25, 190.25],
    ]);
    expect(executions.every((e) => e.orderRef === 'alert-1' && e.side === 'BOT' && e.acctNumber === 'DU1234567')).toBe(true);
    expect(new Set(executions.map((e) => e.execId)).size).toBe(2);
    await client.waitFor(EventName.commissionReport, (r) => r.execId === executions[1].execId);
    const reports = client.events(EventName.commissionReport).map(([r]) => r as any);
    expect(reports.map((r) => r.execId)).toEqual(executions.map((e) => e.execId));
    expect(reports.every((r) => r.commission === 1 && r.currency === 'USD')).toBe(true);

    const statuses = client.events(EventName.orderStatus).map(([, status, filled, remaining, avg]) => [status, filled, remaining, avg]);
    expect(statuses).toEqual([
      ['PreSubmitted', 0, 101, 0],
      ['Submitted', 0, 101, 0],
      ['Submitted', 51, 50, 190.25],
      ['Filled', 101, 0, 190.25],
    ]);
    const openOrders = client.events(EventName.openOrder).map(([, , order, state]) => [(order as any).orderRef, (state as any).status]);
    expect(openOrders).toEqual([
      ['alert-1', 'PreSubmitted'],
      ['alert-1', 'Filled'],
    ]);
    expect(sim.orders[0]).toMatchObject({ orderId, clientId: 1, status: 'Filled', filled: 101, remaining: 0, avgFillPrice: 190.25 });
    expect(sim.executions).toHaveLength(2);
    expect(sim.stats.placeOrders).toBe(1);
  });

  it('splits into setPartialFills(n) executions and charges 0.005/share above the 1.00 minimum', async () => {
    const { sim, client, orderId } = await connectedPair();
    sim.setPartialFills(3);

    client.api.placeOrder(orderId, stock('MSFT'), marketOrder(OrderAction.SELL, 900));

    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Filled');
    expect(sim.executions.map((e) => [e.shares, e.cumQty, e.side, e.commission])).toEqual([
      [300, 300, 'SLD', 1.5],
      [300, 600, 'SLD', 1.5],
      [300, 900, 'SLD', 1.5],
    ]);
  });

  it('records receivedAt with sub-millisecond precision and emits placeOrder', async () => {
    const { sim, client, orderId } = await connectedPair();
    const placed = new Promise((resolve) => sim.once('placeOrder', resolve));
    const before = performance.timeOrigin + performance.now();

    client.api.placeOrder(orderId, stock('AAPL'), marketOrder(OrderAction.BUY, 1));

    const order = (await placed) as any;
    expect(order.receivedAt).toBeGreaterThan(before);
    expect(order.receivedAt).toBeLessThan(performance.timeOrigin + performance.now());
    expect(Number.isInteger(order.receivedAt)).toBe(false);
  });

  it('fills only after fillDelayMs, and a cancel inside the delay wins', async () => {
    const { sim, client, orderId } = await connectedPair({ fillDelayMs: 150 });
    const sentAt = Date.now();
    client.api.placeOrder(orderId, stock('AAPL'), marketOrder(OrderAction.BUY, 10));
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Filled');
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(140);

    client.api.placeOrder(orderId + 1, stock('AAPL'), marketOrder(OrderAction.BUY, 10));
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId + 1 && status === 'Submitted');
    client.api.cancelOrder(orderId + 1);
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId + 1 && status === 'Cancelled');
    await sleep(200);
    expect(sim.executions.filter((e) => e.orderId === orderId + 1)).toEqual([]);
  });
});

describe('resting orders', () => {
  it('rests a LMT BUY until setPrice crosses it, then fills at the market price', async () => {
    const { sim, client, orderId } = await connectedPair({ prices: { AAPL: 100 } });
    client.api.placeOrder(orderId, stock('AAPL'), limitOrder(OrderAction.BUY, 10, 99));
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Submitted');

    sim.setPrice('AAPL', 99.5);
    await sleep(50);
    expect(sim.executions).toHaveLength(0);

    sim.setPrice('AAPL', 98.75);
    const [, , , , avgFillPrice] = await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Filled');
    expect(avgFillPrice).toBe(98.75);
  });

  it('fills a marketable LMT SELL at once', async () => {
    const { client, orderId } = await connectedPair({ prices: { AAPL: 100 } });
    client.api.placeOrder(orderId, stock('AAPL'), limitOrder(OrderAction.SELL, 10, 99));
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Filled');
  });

  it('triggers a STP SELL when the price falls to the stop, then fills like a MKT', async () => {
    const { sim, client, orderId } = await connectedPair({ prices: { SPY: 500 } });
    client.api.placeOrder(orderId, stock('SPY'), stopOrder(OrderAction.SELL, 5, 495));
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Submitted');

    sim.setPrice('SPY', 496);
    await sleep(30);
    expect(statusOf(client, orderId)).not.toContain('Filled');

    sim.setPrice('SPY', 494.5);
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Filled');
    expect(sim.executions.map((e) => e.price)).toEqual([494.5, 494.5]);
  });

  it('turns a triggered STP LMT into a limit order', async () => {
    const { sim, client, orderId } = await connectedPair({ prices: { QQQ: 100 } });
    const order = { action: OrderAction.BUY, orderType: OrderType.STP_LMT, totalQuantity: 4, auxPrice: 105, lmtPrice: 105.5, transmit: true };
    client.api.placeOrder(orderId, stock('QQQ'), order);
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Submitted');

    sim.setPrice('QQQ', 106); // triggers, but above the limit
    await sleep(30);
    expect(sim.executions).toHaveLength(0);
    sim.setPrice('QQQ', 105.25);
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Filled');
    expect(sim.executions[0].price).toBe(105.25);
  });

  it('checks resting orders on every random-walk step', async () => {
    const { client, orderId } = await connectedPair({ prices: { WALK: 100 }, walk: { intervalMs: 5, maxStepFraction: 0.01 } });
    client.api.placeOrder(orderId, stock('WALK'), limitOrder(OrderAction.BUY, 1, 99.9));
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Filled', { timeoutMs: 4_000 });
  });
});

describe('cancels and rejections', () => {
  it('cancels a working order with status Cancelled and error 202', async () => {
    const { sim, client, orderId } = await connectedPair({ prices: { AAPL: 100 } });
    const cancelled = new Promise((resolve) => sim.once('cancel', resolve));
    client.api.placeOrder(orderId, stock('AAPL'), limitOrder(OrderAction.BUY, 10, 90));
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Submitted');

    client.api.cancelOrder(orderId);

    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Cancelled');
    const [error, code, reqId] = await client.waitFor(EventName.error, (_e, c) => c === 202);
    expect([(error as Error).message, reqId]).toEqual(['Order Canceled - reason:', orderId]);
    expect(await cancelled).toMatchObject({ orderId, status: 'Cancelled' });
  });

  it('answers 10147 for an unknown order id and 10148 for a filled one', async () => {
    const { client, orderId } = await connectedPair();
    client.api.cancelOrder(9999);
    await client.waitFor(EventName.error, (_e, code, reqId) => code === 10147 && reqId === 9999);

    client.api.placeOrder(orderId, stock('AAPL'), marketOrder(OrderAction.BUY, 1));
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Filled');
    client.api.cancelOrder(orderId);
    await client.waitFor(EventName.error, (_e, code, reqId) => code === 10148 && reqId === orderId);
  });

  it('refuses a reused order id with 103 and does not place it', async () => {
    const { sim, client, orderId } = await connectedPair();
    client.api.placeOrder(orderId + 5, stock('AAPL'), marketOrder(OrderAction.BUY, 1));
    client.api.placeOrder(orderId + 5, stock('AAPL'), marketOrder(OrderAction.BUY, 1));
    client.api.placeOrder(orderId + 2, stock('AAPL'), marketOrder(OrderAction.BUY, 1)); // below the high-water mark

    const [error] = await client.waitFor(EventName.error, (_e, code, reqId) => code === 103 && reqId === orderId + 5);
    expect((error as Error).message).toBe('Duplicate order id');
    await client.waitFor(EventName.error, (_e, code, reqId) => code === 103 && reqId === orderId + 2);
    expect(sim.orders.map((o) => o.orderId)).toEqual([orderId + 5]);
    expect(sim.stats.placeOrders).toBe(3);
  });

  it('rejects an unknown symbol with 200 and records the order as Inactive', async () => {
    const { sim, client, orderId } = await connectedPair({ unknownSymbols: ['NOPE'] });
    client.api.placeOrder(orderId, stock('NOPE'), marketOrder(OrderAction.BUY, 1));
    const [error] = await client.waitFor(EventName.error, (_e, code, reqId) => code === 200 && reqId === orderId);
    expect((error as Error).message).toBe('No security definition has been found for the request');

    sim.setUnknownSymbol('LATER');
    client.api.placeOrder(orderId + 1, stock('LATER'), marketOrder(OrderAction.BUY, 1));
    await client.waitFor(EventName.error, (_e, code, reqId) => code === 200 && reqId === orderId + 1);
    expect(sim.orders.map((o) => [o.symbol, o.status, o.permId])).toEqual([
      ['NOPE', 'Inactive', 0],
      ['LATER', 'Inactive', 0],
    ]);
    expect(client.events(EventName.openOrder)).toEqual([]);
  });

  it('holds an order whose transmit flag was left unset, as TWS does', async () => {
    const { sim, client, orderId } = await connectedPair();
    client.api.placeOrder(orderId, stock('AAPL'), { action: OrderAction.BUY, orderType: OrderType.MKT, totalQuantity: 1 });
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'PreSubmitted');
    await sleep(50);
    expect(sim.orders[0]).toMatchObject({ transmit: false, status: 'PreSubmitted', filled: 0 });
  });
});
