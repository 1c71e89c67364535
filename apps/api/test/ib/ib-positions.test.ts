/**
 * IB's positions, account values and P&L mirrored into PostgreSQL and served by GET /api/positions and
 * GET /api/account: real @stoqey/ib client ↔ simulator over TCP, real PostgreSQL, through a Gateway and an API restart.
 */
import type { LiveEvent } from '@tradehook/contracts';
import { IbSimulator } from '@tradehook/ib-simulator';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { originalPayload, startTestStack, type TestStack } from '../support/stack';

const ACCOUNT = 'DU1234567';
const buyAapl = (quantity: number) => originalPayload({ symbol: 'AAPL', exchange: 'NASDAQ', price: 190, quantity });

async function positionOf(stack: TestStack, symbol: string, check: (p: any) => boolean, what: string) {
  return stack.waitFor(async () => {
    const { status, body } = await stack.get('/api/positions');
    const found = status === 200 && body.find((p: any) => p.symbol === symbol);
    return found && check(found) && found;
  }, what);
}

let db: TestDatabase;
const gateway = new IbSimulator({ walk: false, prices: { AAPL: 190 }, partialFills: 1, startingCash: 100_000, accounts: ['DU7654321'] });
let stack: TestStack;
const events: LiveEvent[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
  await gateway.start();
  stack = await startTestStack({ db, simulator: gateway });
  stack.running.services.bus.subscribe((event) => events.push(event));
  await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
});
afterAll(async () => {
  await stack?.close();
  await gateway.stop();
  await db.drop();
});

describe("IB's state, mirrored", () => {
  it('follows a fill into the position and its P&L, and the simulator price into market price and unrealized P&L', async () => {
    expect((await stack.post(buyAapl(10))).status).toBe(200);
    const conId = await stack.waitFor(async () => gateway.orders[0]?.status === 'Filled' && gateway.orders[0].conId, 'filled at IB');
    // IB's average cost includes the commission: (10 × 190 + $1) / 10.
    const held = await positionOf(stack, 'AAPL', (p) => p.quantity === '10' && p.marketPrice === '190' && p.dailyPnl !== null, 'the position at 190');
    expect(held).toMatchObject({ account: ACCOUNT, conId, secType: 'STK', currency: 'USD', avgCost: '190.1', unrealizedPnl: '-1', realizedPnl: '0' });
    expect(Date.now() - Date.parse(held.asOf)).toBeLessThan(10_000);

    gateway.setPrice('AAPL', 195);
    const moved = await positionOf(stack, 'AAPL', (p) => p.marketPrice === '195' && p.unrealizedPnl === '49', 'price and P&L moved');
    expect(moved).toMatchObject({ marketValue: '1950', dailyPnl: '49' });

    const account = await stack.waitFor(async () => {
      const { body } = await stack.get('/api/account');
      const row = body.accounts?.find((a: any) => a.account === ACCOUNT);
      return row?.netLiquidation === '100049.00' && row.dailyPnl === '49' && body;
    }, 'account values and P&L');
    expect(account.connected).toBe(true);
    expect(account.accounts.map((a: any) => [a.account, a.netLiquidation])).toEqual([[ACCOUNT, '100049.00'], ['DU7654321', '100000.00']]);
    expect(account.accounts[0]).toMatchObject({
      paper: true, currency: 'USD', availableFunds: '99561.50', buyingPower: '398246.00', unrealizedPnl: '49', realizedPnl: '0',
    });
    const [stored] = await stack.query(`SELECT quantity, avg_cost, reported_at FROM ib_positions WHERE account = $1 AND con_id = $2`, [ACCOUNT, conId]);
    expect([stored.quantity, stored.avg_cost]).toEqual(['10', '190.1']);
    expect(events.some((e) => e.type === 'position' && e.id === `${ACCOUNT}:${conId}`)).toBe(true);
    expect(events.some((e) => e.type === 'account' && e.id === ACCOUNT)).toBe(true);
  });

  it('documents both routes in OpenAPI and refuses them without a session', async () => {
    const { body: doc } = await stack.get('/documentation/json');
    expect(doc.paths['/api/positions'].get.tags).toEqual(['positions']);
    expect(doc.paths['/api/account'].get.tags).toEqual(['positions']);
    for (const path of ['/api/positions', '/api/account']) expect((await stack.fetch(path, { cookie: null })).status).toBe(401);
  });

  it('shows a manual trade made outside Tradehook (and records no execution of ours for it)', async () => {
    gateway.manualTrade({ symbol: 'AAPL', quantity: -4, price: 196 });
    const after = await positionOf(stack, 'AAPL', (p) => p.quantity === '6' && p.realizedPnl !== '0', 'the manual sale at IB');
    // 4 sold at 196 against 190.1 each, less its $1 commission.
    expect(after.realizedPnl).toBe('22.6');
    const [{ n }] = await stack.query(`SELECT count(*)::int AS n FROM executions WHERE side = 'SELL'`);
    expect(n).toBe(0);
  });

  it('is right again after a Gateway restart, including a trade made while it was down', async () => {
    const restart = gateway.restart(400);
    await stack.waitFor(async () => !stack.running.services.session.isReady(), 'IB down');
    gateway.manualTrade({ symbol: 'AAPL', quantity: -6 }); // at IB, while Tradehook cannot hear it
    await restart;
    await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB back', 20_000);
    await positionOf(stack, 'AAPL', (p) => p.quantity === '0', 'flat after the restart');
    gateway.manualTrade({ symbol: 'AAPL', quantity: 3 });
    await positionOf(stack, 'AAPL', (p) => p.quantity === '3', 'live updates resubscribed');
  });

  it('is right after an API restart on the same database, with what IB did meanwhile', async () => {
    await stack.running.close();
    gateway.manualTrade({ symbol: 'AAPL', quantity: 2 });
    // A position stored earlier that IB no longer lists (closed while we were away, beyond today's report).
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`INSERT INTO ib_positions (account, con_id, symbol, sec_type, currency, quantity, avg_cost, reported_at)
      VALUES ($1, 4242, 'MSFT', 'STK', 'USD', 7, 400, now() - interval '1 day')`, [ACCOUNT]);
    await client.end();
    stack = await startTestStack({ db, simulator: gateway });
    const before = await stack.get('/api/positions'); // what was stored is served at once
    expect(before.body.find((p: any) => p.symbol === 'AAPL')?.quantity).toMatch(/^(3|5)$/);
    await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
    const now = await positionOf(stack, 'AAPL', (p) => p.quantity === '5' && p.dailyPnl !== null, 'the position IB holds');
    expect(now.account).toBe(ACCOUNT);
    const gone = await positionOf(stack, 'MSFT', (p) => p.quantity === '0', 'the position IB no longer lists, flat');
    expect(Date.now() - Date.parse(gone.asOf)).toBeLessThan(10_000);
  });
});
