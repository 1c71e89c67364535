import { EventName, type Order, OrderAction } from '@stoqey/ib';
import { limitOrder, sleep, stock, stopOrder, TestEnv, type TestClient } from './support/harness';

const env = new TestEnv();
afterEach(() => env.cleanUp());

const reached = (client: TestClient, orderId: number, status: string, remaining?: number) =>
  client.waitFor(EventName.orderStatus, (id, s, _filled, rem) => id === orderId && s === status && (remaining === undefined || rem === remaining));
/** The totalQuantity the latest OPEN_ORDER of an order reported. */
const reportedQuantity = (client: TestClient, orderId: number) =>
  (client.events(EventName.openOrder).filter(([id]) => id === orderId).at(-1)?.[2] as Order | undefined)?.totalQuantity;

async function bracket(client: TestClient, parentId: number, exits: Partial<Order> = {}): Promise<void> {
  client.api.placeOrder(parentId, stock('AAPL'), limitOrder(OrderAction.BUY, 10, 99, { transmit: false }));
  client.api.placeOrder(parentId + 1, stock('AAPL'), limitOrder(OrderAction.SELL, 10, 105, { parentId, transmit: false, ...exits }));
  client.api.placeOrder(parentId + 2, stock('AAPL'), stopOrder(OrderAction.SELL, 10, 95, { parentId, transmit: true, ...exits }));
  await reached(client, parentId, 'Submitted');
}

describe('bracket children and partial fills', () => {
  it('activates the children for the filled part of the parent and grows them as it fills', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 }, partialFills: 1 });
    sim.setMaxFillQuantity(4);
    const client = env.client(sim.port);
    const parentId = await client.connect(1);
    await bracket(client, parentId);

    sim.setPrice('AAPL', 98.5); // 4 of 10 fill; the rest rests
    await reached(client, parentId, 'Submitted', 6);
    await reached(client, parentId + 1, 'Submitted', 4);
    await reached(client, parentId + 2, 'Submitted', 4);
    expect(reportedQuantity(client, parentId + 2)).toBe(4);

    sim.setPrice('AAPL', 98.75); // 4 more
    await reached(client, parentId + 2, 'Submitted', 8);
    sim.setPrice('AAPL', 98.5); // the last 2
    await reached(client, parentId, 'Filled');
    await reached(client, parentId + 1, 'Submitted', 10);
    await reached(client, parentId + 2, 'Submitted', 10);
    expect(reportedQuantity(client, parentId + 1)).toBe(10);
  });

  it('keeps the children of a partly filled parent when it is cancelled, sized to what filled', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 }, partialFills: 1 });
    sim.setMaxFillQuantity(3);
    const client = env.client(sim.port);
    const parentId = await client.connect(1);
    await bracket(client, parentId);
    sim.setPrice('AAPL', 98.5);
    await reached(client, parentId + 2, 'Submitted', 3);
    sim.setPrice('AAPL', 99.5); // no longer marketable: 7 rest
    client.api.cancelOrder(parentId);
    await reached(client, parentId, 'Cancelled');
    await sleep(30);
    expect(sim.orders.map((o) => [o.status, o.totalQuantity])).toEqual([['Cancelled', 10], ['Submitted', 3], ['Submitted', 3]]);
  });
});

describe('OCA groups on exits', () => {
  it('ocaType 1: the first fill of the target cancels the stop', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 } });
    sim.setMaxFillQuantity(4);
    const client = env.client(sim.port);
    const parentId = await client.connect(1);
    sim.setMaxFillQuantity(undefined);
    await bracket(client, parentId, { ocaGroup: 'exits-1', ocaType: 1 });
    sim.setPrice('AAPL', 98.5);
    await reached(client, parentId, 'Filled');
    sim.setMaxFillQuantity(4);
    sim.setPrice('AAPL', 105.5); // the target sells 4: the stop goes at once
    await reached(client, parentId + 2, 'Cancelled');
    expect(sim.orders[1]).toMatchObject({ status: 'Submitted', filled: 4 });
  });

  it('ocaType 3: a partial target fill reduces the stop by what filled', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 } });
    const client = env.client(sim.port);
    const parentId = await client.connect(1);
    await bracket(client, parentId, { ocaGroup: 'exits-3', ocaType: 3 });
    sim.setPrice('AAPL', 98.5);
    await reached(client, parentId, 'Filled');
    sim.setMaxFillQuantity(4);
    sim.setPrice('AAPL', 105.5);
    await reached(client, parentId + 2, 'Submitted', 6);
    expect(reportedQuantity(client, parentId + 2)).toBe(6);
    sim.setMaxFillQuantity(undefined);
    sim.setPrice('AAPL', 105.25); // the rest of the target: the stop has nothing left to cover
    await reached(client, parentId + 1, 'Filled');
    await reached(client, parentId + 2, 'Cancelled');
  });

  it('scale-out: two targets each in their own group with a stop; one target filling leaves the other pair', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 } });
    const client = env.client(sim.port);
    const parentId = await client.connect(1);
    const [t1, s1, t2, s2] = [1, 2, 3, 4].map((n) => parentId + n);
    client.api.placeOrder(parentId, stock('AAPL'), limitOrder(OrderAction.BUY, 10, 99, { transmit: false }));
    client.api.placeOrder(t1, stock('AAPL'), limitOrder(OrderAction.SELL, 5, 102, { parentId, transmit: false, ocaGroup: 'a', ocaType: 1 }));
    client.api.placeOrder(s1, stock('AAPL'), stopOrder(OrderAction.SELL, 5, 95, { parentId, transmit: false, ocaGroup: 'a', ocaType: 1 }));
    client.api.placeOrder(t2, stock('AAPL'), limitOrder(OrderAction.SELL, 5, 105, { parentId, transmit: false, ocaGroup: 'b', ocaType: 1 }));
    client.api.placeOrder(s2, stock('AAPL'), stopOrder(OrderAction.SELL, 5, 95, { parentId, transmit: true, ocaGroup: 'b', ocaType: 1 }));
    sim.setPrice('AAPL', 98.5);
    await reached(client, parentId, 'Filled');
    sim.setPrice('AAPL', 102.5);
    await reached(client, t1, 'Filled');
    await reached(client, s1, 'Cancelled');
    await sleep(30);
    expect(sim.orders.slice(3).map((o) => o.status)).toEqual(['Submitted', 'Submitted']);
  });
});
