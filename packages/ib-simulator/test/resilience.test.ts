/** Connection-level behaviour: handshake, client-id clashes, pacing, restarts, drops and notices. */
import { EventName, OrderAction } from '@stoqey/ib';
import { limitOrder, marketOrder, stock, TestEnv, type TestClient } from './support/harness';

const env = new TestEnv();
afterEach(() => env.cleanUp());

const filled = (client: TestClient, orderId: number) =>
  client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Filled');

describe('handshake', () => {
  it('negotiates version 193 and sends managedAccounts, nextValidId and the farm notices', async () => {
    const sim = await env.simulator({ firstOrderId: 1000, account: 'DU7654321' });
    const connected = new Promise((resolve) => sim.once('connect', resolve));
    const client = env.client(sim.port);

    expect(await client.connect(3)).toBe(1000);

    expect(client.api.serverVersion).toBe(193);
    expect(await client.waitFor(EventName.managedAccounts)).toEqual(['DU7654321']);
    expect(await connected).toBe(3);
    expect(sim.connectedClients()).toEqual([3]);
    await client.waitFor(EventName.info, (_m, code) => code === 2158);
    expect(client.infoCodes()).toEqual([2104, 2106, 2158]);
    expect(client.errors()).toEqual([]);
  });

  it('answers reqIds and reqCurrentTime', async () => {
    const sim = await env.simulator();
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    client.api.placeOrder(orderId + 3, stock('AAPL'), marketOrder(OrderAction.BUY, 1));
    client.api.reqIds();
    await client.waitFor(EventName.nextValidId, (id) => id === orderId + 4);
    client.api.reqCurrentTime();
    const [time] = await client.waitFor(EventName.currentTime);
    expect(Math.abs((time as number) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('refuses a second connection with a client id in use: 326 (as info, id -1), then closes it', async () => {
    const sim = await env.simulator();
    const first = env.client(sim.port);
    const second = env.client(sim.port);
    await first.connect(5);

    second.api.connect(5);

    const [message] = await second.waitFor(EventName.info, (_m, code) => code === 326);
    expect(message).toMatch(/client id is already in use/);
    await second.waitFor(EventName.disconnected);
    expect(sim.connectedClients()).toEqual([5]);
    first.api.reqCurrentTime();
    await first.waitFor(EventName.currentTime);
  });

  it.each([151, 166, 176, 183, 192])('speaks server version %i to the same client without decode errors', async (serverVersion) => {
    const sim = await env.simulator({ serverVersion, prices: { AAPL: 100 } });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    expect(client.api.serverVersion).toBe(serverVersion);
    client.api.placeOrder(orderId, stock('AAPL'), marketOrder(OrderAction.BUY, 2));
    client.api.placeOrder(orderId + 1, stock('AAPL'), limitOrder(OrderAction.BUY, 2, 50));
    await filled(client, orderId);
    client.api.reqOpenOrders();
    client.api.reqExecutions(1, {});
    client.api.reqPositions();
    client.api.cancelOrder(orderId + 1);
    // Below 177 IB writes completedOrder with faProfile, which @stoqey/ib 1.6 never reads (ib-decoder-order.test.ts).
    if (serverVersion >= 177) {
      client.api.reqCompletedOrders(false);
      await client.waitFor(EventName.completedOrdersEnd);
    }
    await client.waitFor(EventName.execDetailsEnd);
    await client.waitFor(EventName.positionEnd);
    // The cancel was sent after reqPositions: its 202 follows positionEnd (nothing else waited in between below 177).
    for (let waited = 0; !client.errors().length && waited < 2_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(client.errors().map((e) => e.code)).toEqual([202]);
  });
});

describe('pacing', () => {
  it('answers the 51st message inside one second with error 100 (as info) and drops the client', async () => {
    const sim = await env.simulator();
    const violations: number[] = [];
    sim.on('pacingViolation', (clientId) => violations.push(clientId));
    const client = env.client(sim.port, 1_000);
    await client.connect(9);

    for (let i = 0; i < 60; i++) client.api.reqCurrentTime();

    const [message] = await client.waitFor(EventName.info, (_m, code) => code === 100);
    expect(message).toMatch(/^Max rate of messages per second has been exceeded/);
    await client.waitFor(EventName.disconnected);
    expect(client.count(EventName.currentTime)).toBe(49); // START_API was message 1
    expect(sim.stats.pacingViolations).toBe(1);
    expect(violations).toEqual([9]);
  });

  it("never trips for a client using @stoqey/ib's default 40 messages/s pacing", async () => {
    const sim = await env.simulator();
    const client = env.client(sim.port, 40);
    await client.connect(1);
    for (let i = 0; i < 60; i++) client.api.reqCurrentTime();
    await client.waitFor(EventName.currentTime, () => true, { skip: 59, timeoutMs: 4_000 });
    expect(sim.stats.pacingViolations).toBe(0);
  });
});

describe('restart and drops', () => {
  it('refuses connections while restarting, keeps state, and lets reqExecutions backfill missed fills', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 } });
    const client = env.client(sim.port);
    const port = sim.port;
    const orderId = await client.connect(1);
    client.api.placeOrder(orderId, stock('AAPL'), limitOrder(OrderAction.BUY, 10, 99, { orderRef: 'resting' }));
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Submitted');

    const restarted = sim.restart(400);
    await client.waitFor(EventName.disconnected);
    sim.setPrice('AAPL', 98); // fills while the client is away: recorded, not delivered
    client.api.connect(1);
    const [error] = await client.waitFor(EventName.error, (_e, code) => code === 502);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    await client.waitFor(EventName.disconnected, () => true, { skip: 1 }); // the failed attempt also ends in `disconnected`
    await restarted;

    expect(sim.port).toBe(port);
    const nextId = await client.connect(1);
    expect(nextId).toBeGreaterThan(orderId);
    expect(client.events(EventName.execDetails)).toEqual([]);
    client.api.reqExecutions(11, {});
    await client.waitFor(EventName.execDetailsEnd, (reqId) => reqId === 11);
    const backfilled = client.events(EventName.execDetails).map(([reqId, , e]) => [reqId, (e as any).orderId, (e as any).orderRef]);
    expect(backfilled).toEqual([
      [11, orderId, 'resting'],
      [11, orderId, 'resting'],
    ]);
    expect(client.count(EventName.commissionReport)).toBe(2);
  });

  it('dropConnections() disconnects every client but keeps listening', async () => {
    const sim = await env.simulator();
    const disconnects: number[] = [];
    sim.on('disconnect', (clientId) => disconnects.push(clientId));
    const client = env.client(sim.port);
    await client.connect(4);

    sim.dropConnections();

    await client.waitFor(EventName.disconnected);
    await client.connect(4);
    expect(disconnects).toEqual([4]);
    expect(sim.stats.connections).toBe(2);
  });

  it('sends a placeOrder issued while disconnected after the next nextValidId, with the old order id', async () => {
    const sim = await env.simulator();
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    sim.dropConnections();
    await client.waitFor(EventName.disconnected);

    client.api.placeOrder(orderId, stock('AAPL'), marketOrder(OrderAction.BUY, 1, { orderRef: 'buffered' }));
    expect(sim.stats.placeOrders).toBe(0);
    await client.connect(1);

    await filled(client, orderId);
    expect(sim.orders.map((o) => [o.orderId, o.orderRef])).toEqual([[orderId, 'buffered']]);
  });

  it('sendInfo() reaches every client as an info event with id -1', async () => {
    const sim = await env.simulator();
    const client = env.client(sim.port);
    await client.connect(1);
    sim.sendInfo(1100);
    sim.sendInfo(1102, 'custom text');
    const [lost] = await client.waitFor(EventName.info, (_m, code) => code === 1100);
    const [restored] = await client.waitFor(EventName.info, (_m, code) => code === 1102);
    expect([lost, restored]).toEqual(['Connectivity between IB and Trader Workstation has been lost.', 'custom text']);
  });
});
