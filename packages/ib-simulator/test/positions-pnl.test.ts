/**
 * Position and P&L arithmetic as IB reports it, over a real socket to @stoqey/ib: a short's avgCost nets its opening
 * commission off the proceeds, a future is valued at price × multiplier (and sent with its multiplier and expiry),
 * commission reports carry each closing fill's realized P&L (unset on opening fills), and daily P&L always equals
 * the move in net liquidation.
 */
import { type Contract, EventName, OrderAction, SecType } from '@stoqey/ib';
import { marketOrder, stock, type TestClient, TestEnv } from './support/harness';

const env = new TestEnv();
afterEach(() => env.cleanUp());

const ESZ6: Contract = { symbol: 'ES', secType: SecType.FUT, exchange: 'CME', currency: 'USD', lastTradeDateOrContractMonth: '202612' };

async function trade(client: TestClient, orderId: number, contract: Contract, action: OrderAction, quantity: number) {
  client.api.placeOrder(orderId, contract, marketOrder(action, quantity));
  await client.waitFor(EventName.orderStatus, (id, status) => id === orderId && status === 'Filled');
}

/** realizedPNL of every commission report so far, in arrival order (undefined: IB's unset, an opening fill). */
const realizedByReport = (client: TestClient) => client.events(EventName.commissionReport).map(([report]) => (report as any).realizedPNL);

describe('a short position', () => {
  it('nets the opening commission off its avgCost, so the commission is a loss, and realizes proceeds − cost − commissions', async () => {
    // Two executions per order at the $1 minimum: $2 per order.
    const sim = await env.simulator({ prices: { AAPL: 104 }, partialFills: 2, startingCash: 100_000 });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    await trade(client, orderId, stock('AAPL'), OrderAction.SELL, 3);

    client.api.reqPositions();
    const [, , pos, avgCost] = await client.waitFor(EventName.position);
    expect([pos, avgCost]).toEqual([-3, 103.33333333]); // (3 × 104 − $2) / 3
    client.api.reqAccountUpdates(true, 'DU1234567');
    const [, , marketPrice, marketValue, averageCost, unrealized, realized] = await client.waitFor(EventName.updatePortfolio);
    expect([marketPrice, marketValue, averageCost, unrealized, realized]).toEqual([104, -312, 103.33333333, -2, 0]);
    expect(sim.account()).toMatchObject({ cash: 100_310, netLiquidation: 99_998, unrealizedPnl: -2, dailyPnl: -2 });

    sim.setPrice('AAPL', 80);
    await trade(client, orderId + 1, stock('AAPL'), OrderAction.BUY, 3);
    // Sold for 312, bought back for 240, $4 of commissions.
    expect(sim.account()).toMatchObject({ netLiquidation: 100_068, realizedPnl: 68, unrealizedPnl: 0, dailyPnl: 68 });
    const reports = realizedByReport(client);
    expect(reports.slice(0, 2)).toEqual([undefined, undefined]);
    expect(reports.slice(2).reduce((sum, r) => sum + r, 0)).toBeCloseTo(68, 6);
    // Each closing fill realizes its share: (103.33 − 80) × 2 − $1 and (103.33 − 80) × 1 − $1.
    expect(reports.slice(2).map((r) => Math.round(r * 1e4) / 1e4)).toEqual([45.6667, 22.3333]);
    expect(client.protocolErrors()).toEqual([]);
  });
});

describe('a future', () => {
  it('is valued at price × multiplier and reported with its multiplier and expiry', async () => {
    const sim = await env.simulator({ partialFills: 1, startingCash: 1_000_000 });
    sim.setPrice('ES', 5000);
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    await trade(client, orderId, ESZ6, OrderAction.BUY, 2);

    client.api.reqPositions();
    const [, contract, pos, avgCost] = await client.waitFor(EventName.position);
    expect([pos, avgCost]).toEqual([2, 250_000.5]); // (2 × 5000 × 50 + $1) / 2, IB's price × multiplier
    expect(contract).toMatchObject({ symbol: 'ES', secType: 'FUT', multiplier: 50, lastTradeDateOrContractMonth: '20261218' });
    const [, execContract] = await client.waitFor(EventName.execDetails);
    expect(execContract).toMatchObject({ multiplier: 50, lastTradeDateOrContractMonth: '20261218' });

    sim.setPrice('ES', 5010);
    client.api.reqAccountUpdates(true, 'DU1234567');
    const [portfolioContract, , marketPrice, marketValue, averageCost, unrealized] = await client.waitFor(EventName.updatePortfolio);
    expect(portfolioContract).toMatchObject({ multiplier: 50, lastTradeDateOrContractMonth: '20261218' });
    expect([marketPrice, marketValue, averageCost, unrealized]).toEqual([5010, 501_000, 250_000.5, 999]);
    expect(sim.account()).toMatchObject({ netLiquidation: 1_000_999, unrealizedPnl: 999, dailyPnl: 999 });

    await trade(client, orderId + 1, ESZ6, OrderAction.SELL, 2);
    // (5010 − 5000) × 2 × 50, less $1 in and $1 out.
    expect(realizedByReport(client)).toEqual([undefined, 998]);
    expect(sim.account()).toMatchObject({ cash: 1_000_998, netLiquidation: 1_000_998, realizedPnl: 998, dailyPnl: 998 });
    expect(client.protocolErrors()).toEqual([]);
  });
});

describe('daily P&L', () => {
  it('equals the move in net liquidation through adds, partial closes and crossings, long and short', async () => {
    const sim = await env.simulator({ prices: { AAPL: 100 }, partialFills: 3, startingCash: 50_000 });
    const steps: Array<[number, number]> = [[10, 100], [-4, 104.5], [-12, 99.25], [5, 101], [-9, 97.75], [10, 95]];
    for (const [quantity, price] of steps) {
      sim.manualTrade({ symbol: 'AAPL', quantity, price });
      sim.setPrice('AAPL', price + 0.37);
      const account = sim.account();
      expect(account.dailyPnl).toBeCloseTo(account.netLiquidation - 50_000, 2);
      const realized = sim.executions.reduce((sum, e) => sum + (e.realizedPnl ?? 0), 0);
      expect(realized).toBeCloseTo(account.realizedPnl, 2);
    }
    expect(sim.account().positions[0].quantity).toBe(0);
  });
});
