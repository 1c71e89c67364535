import { EventName, OrderAction } from '@stoqey/ib';
import { limitOrder, marketOrder, sleep, stock, stopOrder, TestEnv, type TestClient } from './support/harness';

const env = new TestEnv();
afterEach(() => env.cleanUp());

const reached = (client: TestClient, orderId: number, status: string) =>
  client.waitFor(EventName.orderStatus, (id, s) => id === orderId && s === status);

describe('bracket orders', () => {
  it('holds children until the parent fills, then cancels the stop when the target fills', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 } });
    const client = env.client(sim.port);
    const parentId = await client.connect(1);
    const [takeProfitId, stopLossId] = [parentId + 1, parentId + 2];

    client.api.placeOrder(parentId, stock('AAPL'), limitOrder(OrderAction.BUY, 10, 99, { transmit: false }));
    client.api.placeOrder(takeProfitId, stock('AAPL'), limitOrder(OrderAction.SELL, 10, 101, { parentId, transmit: false }));
    client.api.placeOrder(stopLossId, stock('AAPL'), stopOrder(OrderAction.SELL, 10, 97, { parentId, transmit: true }));

    await reached(client, parentId, 'Submitted');
    await sleep(30);
    expect(sim.orders.map((o) => o.status)).toEqual(['Submitted', 'PreSubmitted', 'PreSubmitted']);

    sim.setPrice('AAPL', 98.5); // parent fills; children go live but neither crosses
    await reached(client, parentId, 'Filled');
    await reached(client, takeProfitId, 'Submitted');
    await reached(client, stopLossId, 'Submitted');

    sim.setPrice('AAPL', 101.25);
    await reached(client, takeProfitId, 'Filled');
    await reached(client, stopLossId, 'Cancelled');
    await client.waitFor(EventName.error, (_e, code, reqId) => code === 202 && reqId === stopLossId);
    expect(sim.orders.map((o) => o.status)).toEqual(['Filled', 'Filled', 'Cancelled']);
    expect(sim.executions.map((e) => [e.orderId, e.side, e.price])).toEqual([
      [parentId, 'BOT', 98.5],
      [parentId, 'BOT', 98.5],
      [takeProfitId, 'SLD', 101.25],
      [takeProfitId, 'SLD', 101.25],
    ]);
  });

  it('keeps a transmit=0 MKT parent from filling until its last child transmits', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 } });
    const client = env.client(sim.port);
    const parentId = await client.connect(1);

    client.api.placeOrder(parentId, stock('AAPL'), marketOrder(OrderAction.BUY, 10, { transmit: false }));
    await reached(client, parentId, 'PreSubmitted');
    await sleep(50);
    expect(sim.executions).toHaveLength(0);

    client.api.placeOrder(parentId + 1, stock('AAPL'), stopOrder(OrderAction.SELL, 10, 95, { parentId, transmit: true }));
    await reached(client, parentId, 'Filled');
    await reached(client, parentId + 1, 'Submitted');
    expect(sim.orders[1].status).toBe('Submitted');
  });

  it('cancels the working children when the parent is cancelled', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 } });
    const client = env.client(sim.port);
    const parentId = await client.connect(1);
    client.api.placeOrder(parentId, stock('AAPL'), limitOrder(OrderAction.BUY, 10, 90, { transmit: false }));
    client.api.placeOrder(parentId + 1, stock('AAPL'), limitOrder(OrderAction.SELL, 10, 110, { parentId, transmit: true }));
    await reached(client, parentId, 'Submitted');

    client.api.cancelOrder(parentId);

    await reached(client, parentId, 'Cancelled');
    await reached(client, parentId + 1, 'Cancelled');
  });

  it('cancels the other members of an OCA group when one fills', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100, MSFT: 400 } });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    client.api.placeOrder(orderId, stock('AAPL'), limitOrder(OrderAction.BUY, 10, 95, { ocaGroup: 'pick-one', ocaType: 1 }));
    client.api.placeOrder(orderId + 1, stock('MSFT'), limitOrder(OrderAction.BUY, 10, 390, { ocaGroup: 'pick-one', ocaType: 1 }));
    await reached(client, orderId + 1, 'Submitted');

    sim.setPrice('MSFT', 389);

    await reached(client, orderId + 1, 'Filled');
    await reached(client, orderId, 'Cancelled');
  });
});
