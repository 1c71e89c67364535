/**
 * Positions, account values and P&L over a real socket to @stoqey/ib: answered at once, pushed on fills and price
 * moves, cancellable, consistent with the simulator's own fills and prices, and through Gateway faults.
 */
import { EventName, OrderAction } from '@stoqey/ib';
import { marketOrder, sleep, stock, type TestClient, TestEnv } from './support/harness';

const env = new TestEnv();
afterEach(() => env.cleanUp());

async function buy(client: TestClient, orderId: number, symbol: string, quantity: number, action = OrderAction.BUY) {
  client.api.placeOrder(orderId, stock(symbol), marketOrder(action, quantity));
  await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Filled');
}

describe('positions and P&L follow fills and prices', () => {
  it('answers reqPositions, reqPnL, reqPnLSingle and reqAccountSummary, then pushes what changes', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 }, partialFills: 1, startingCash: 50_000 });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    await buy(client, orderId, 'AAPL', 100);
    const conId = sim.orders[0].conId;

    client.api.reqPositions();
    const [account, contract, pos, avgCost] = await client.waitFor(EventName.position);
    expect([account, (contract as any).conId, pos, avgCost]).toEqual(['DU1234567', conId, 100, 100.01]);
    await client.waitFor(EventName.positionEnd);
    client.api.reqPnL(1, 'DU1234567', '');
    client.api.reqPnLSingle(2, 'DU1234567', '', conId);
    client.api.reqAccountSummary(3, 'All', 'NetLiquidation,AvailableFunds,BuyingPower,TotalCashValue');
    await client.waitFor(EventName.accountSummaryEnd, (reqId) => reqId === 3);
    const summary = Object.fromEntries(client.events(EventName.accountSummary).map(([, , tag, value, currency]) => [tag, [value, currency]]));
    // cash 50,000 − 10,000 − $1 commission; net liquidation = cash + 100 × 100
    expect(summary).toEqual({
      NetLiquidation: ['49999.00', 'USD'], TotalCashValue: ['39999.00', 'USD'],
      AvailableFunds: ['47499.00', 'USD'], BuyingPower: ['189996.00', 'USD'],
    });
    expect((await client.waitFor(EventName.pnl)).slice(0, 4)).toEqual([1, -1, -1, 0]);
    expect(await client.waitFor(EventName.pnlSingle)).toEqual([2, 100, -1, -1, 0, 10_000]);

    sim.setPrice('AAPL', 110);
    expect((await client.waitFor(EventName.pnl, (_id, daily) => daily !== -1)).slice(0, 4)).toEqual([1, 999, 999, 0]);
    expect(await client.waitFor(EventName.pnlSingle, (_id, p, daily) => daily !== -1)).toEqual([2, 100, 999, 999, 0, 11_000]);
    await client.waitFor(EventName.accountSummary, (_id, _a, tag, value) => tag === 'NetLiquidation' && value === '50999.00');

    await buy(client, orderId + 1, 'AAPL', 40, OrderAction.SELL);
    // Pushed to the reqPositions subscriber on the fill: 40 sold at 110 realize (110 − 100.01) × 40 − $1.
    await client.waitFor(EventName.position, (_a, _c, p) => p === 60);
    const [, , daily, unrealized, realized] = await client.waitFor(EventName.pnlSingle, (_id, p) => p === 60);
    expect([daily, unrealized, realized]).toEqual([998, 599.4, 398.6]);
    expect(client.protocolErrors()).toEqual([]);
  });

  it('stops pushing a cancelled subscription', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 } });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    await buy(client, orderId, 'AAPL', 10);
    client.api.reqPnL(1, 'DU1234567', '');
    client.api.reqPositions();
    await client.waitFor(EventName.pnl);
    await client.waitFor(EventName.positionEnd);
    client.api.cancelPnL(1);
    client.api.cancelPositions();
    await sleep(50);
    const before = { pnl: client.count(EventName.pnl), positions: client.count(EventName.position) };
    sim.setPrice('AAPL', 120);
    await buy(client, orderId + 1, 'AAPL', 5);
    await sleep(400);
    expect({ pnl: client.count(EventName.pnl), positions: client.count(EventName.position) }).toEqual(before);
  });
});

describe('account updates as other IB clients ask for them', () => {
  it('answers REQ_ACCT_DATA with values, the portfolio, the update time and the download end', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 }, partialFills: 1 });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    await buy(client, orderId, 'AAPL', 10);
    client.api.reqAccountUpdates(true, 'DU1234567');
    await client.waitFor(EventName.accountDownloadEnd, (account) => account === 'DU1234567');
    const keys = client.events(EventName.updateAccountValue).map(([key, , currency]) => `${key}/${currency}`);
    expect(keys).toEqual(expect.arrayContaining(['NetLiquidation/USD', 'AvailableFunds/USD', 'BuyingPower/USD', 'CashBalance/BASE', 'AccountCode/']));
    const [contract, position, marketPrice, marketValue, averageCost, unrealized, realized, account] = await client.waitFor(EventName.updatePortfolio);
    expect([(contract as any).symbol, position, marketPrice, marketValue, averageCost, unrealized, realized, account])
      .toEqual(['AAPL', 10, 100, 1000, 100.1, -1, 0, 'DU1234567']);
    expect(client.count(EventName.updateAccountTime)).toBeGreaterThan(0);

    sim.setPrice('AAPL', 101);
    await client.waitFor(EventName.updatePortfolio, (_c, _p, price) => price === 101);
  });

  it('answers REQ_ACCOUNT_UPDATES_MULTI (ledger and NLV only when asked) and $LEDGER account summaries without hanging', async () => {
    const sim = await env.simulator({ accounts: ['DU7654321'] });
    const client = env.client(sim.port);
    await client.connect(1);
    const [accounts] = await client.waitFor(EventName.managedAccounts);
    expect(accounts).toBe('DU1234567,DU7654321');

    client.api.reqAccountUpdatesMulti(5, 'DU7654321', '', true);
    await client.waitFor(EventName.accountUpdateMultiEnd);
    const multi = client.events(EventName.accountUpdateMulti);
    expect(new Set(multi.map(([reqId, account]) => `${reqId}/${account}`))).toEqual(new Set(['5/DU7654321']));
    expect(multi.map(([, , , key, value, currency]) => [key, value, currency])).toContainEqual(['NetLiquidation', '1000000.00', 'USD']);
    expect(multi.map(([, , , key]) => key)).not.toContain('BuyingPower'); // ledger and NLV only

    client.api.reqAccountSummary(6, 'All', '$LEDGER:ALL');
    await client.waitFor(EventName.accountSummaryEnd, (reqId) => reqId === 6);
    const ledger = client.events(EventName.accountSummary).map(([, account, tag, , currency]) => `${account} ${tag} ${currency}`);
    expect(ledger).toEqual(expect.arrayContaining(['DU1234567 CashBalance BASE', 'DU7654321 NetLiquidationByCurrency USD']));
    client.api.reqAccountSummary(7, 'All', '$LEDGER:EUR');
    await client.waitFor(EventName.accountSummaryEnd, (reqId) => reqId === 7);
  });
});

describe('a manual trade outside the API', () => {
  it('moves the position its subscribers see; the master client lists its executions, the API client does not', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 } });
    const api = env.client(sim.port);
    const master = env.client(sim.port);
    const orderId = await api.connect(17);
    await master.connect(0);
    await buy(api, orderId, 'AAPL', 10);
    api.api.reqPositions();
    await api.waitFor(EventName.positionEnd);

    const manual = sim.manualTrade({ symbol: 'AAPL', quantity: -4, price: 105 });
    expect(manual).toMatchObject({ clientId: 0, action: 'SELL', status: 'Filled' });
    await api.waitFor(EventName.position, (_a, _c, pos) => pos === 6);
    expect(sim.account().positions.map((p) => [p.order.symbol, p.quantity])).toEqual([['AAPL', 6]]);

    api.api.reqExecutions(1, {});
    master.api.reqExecutions(2, {});
    await api.waitFor(EventName.execDetailsEnd);
    await master.waitFor(EventName.execDetailsEnd);
    const sides = (client: TestClient) => client.events(EventName.execDetails).filter(([reqId]) => reqId !== -1).map(([, , e]) => `${(e as any).clientId}:${(e as any).side}`);
    expect(new Set(sides(api))).toEqual(new Set(['17:BOT']));
    expect(new Set(sides(master))).toEqual(new Set(['17:BOT', '0:SLD']));
  });
});

describe('faults', () => {
  it('keeps positions through a Gateway restart; the client re-subscribes and hears them again', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 } });
    const first = env.client(sim.port);
    const orderId = await first.connect(1);
    await buy(first, orderId, 'AAPL', 10);
    await sim.restart(100);
    const again = env.client(sim.port);
    await again.connect(1);
    again.api.reqPositions();
    await again.waitFor(EventName.positionEnd);
    expect(again.events(EventName.position).map(([, c, pos]) => [(c as any).symbol, pos])).toEqual([['AAPL', 10]]);
  });

  it('pushes nothing while frozen and catches up when it thaws', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 } });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    await buy(client, orderId, 'AAPL', 10);
    client.api.reqPnL(1, 'DU1234567', '');
    await client.waitFor(EventName.pnl);
    const frozen = sim.freeze(600);
    sim.setPrice('AAPL', 130);
    await sleep(450);
    expect(client.events(EventName.pnl)).toHaveLength(1);
    await frozen;
    await client.waitFor(EventName.pnl, (_id, daily) => daily > 200);
  });
});
