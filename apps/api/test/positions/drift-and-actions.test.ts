/**
 * Strategy positions against IB's over real sockets: a correction, a manual trade at the "Gateway" (drift: both
 * figures, since when, live event, /metrics), sync to target, flattening (admin only, confirmed, audited, each an
 * alert with its fate), the same positions after an API restart on the same database, and a fill made while the
 * Gateway was down.
 */
import type { LiveEvent } from '@tradehook/contracts';
import { IbSimulator } from '@tradehook/ib-simulator';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestStack, type TestStack } from '../support/stack';
import { positionHelpers } from './position-helpers';

let db: TestDatabase;
const gateway = new IbSimulator({ walk: false, prices: { AAPL: 190, MSFT: 400 }, partialFills: 2 });
let stack: TestStack;
let h: ReturnType<typeof positionHelpers>;
const events: LiveEvent[] = [];

async function start() {
  stack = await startTestStack({ db, simulator: gateway });
  h = positionHelpers(stack);
  stack.running.services.bus.subscribe((event) => events.push(event));
  await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
}
beforeAll(async () => {
  db = await createTestDatabase();
  await gateway.start();
  await start();
  await h.strategy('Alpha');
  await h.strategy('Beta');
});
afterAll(async () => {
  await stack?.close();
  await gateway.stop();
  await db.drop();
});

const post = (path: string, body: unknown, cookie?: string) =>
  stack.fetch(path, { method: 'POST', body: JSON.stringify(body), ...(cookie ? { cookie } : {}) });
const driftOf = async (symbol: string) => (await h.positions()).drift.find((d) => d.symbol === symbol);

describe('strategy positions against IB', () => {
  it('replays the position when IB corrects an execution (.01 → .02)', async () => {
    await h.fate(await h.send('Alpha', { direction: 'BUY', quantity: 10 }));
    await h.settled();
    expect(await h.position('Alpha')).toMatchObject({ quantity: '10', avgPrice: '190' });
    const [first] = await stack.query(`SELECT exec_id FROM executions ORDER BY id LIMIT 1`);
    gateway.correctExecution(first.exec_id, 192); // one of the two fills of 5 was at 192
    await stack.waitFor(async () => (await h.position('Alpha'))?.avgPrice === '191', 'average after the correction');
    expect(await h.position('Alpha')).toMatchObject({ quantity: '10' });
  });

  it('shows a manual trade at IB as drift, with both figures, since when, a live event and the /metrics gauge', async () => {
    await h.fate(await h.send('Beta', { direction: 'SELL', quantity: 4 }));
    await h.settled();
    expect((await h.positions()).drift).toEqual([]);
    const before = Date.now();
    gateway.manualTrade({ symbol: 'AAPL', quantity: 3 });
    const drift = await stack.waitFor(() => driftOf('AAPL'), 'drift on AAPL', 15_000);
    expect(drift).toMatchObject({ ibQuantity: '9', strategiesQuantity: '6', difference: '3', working: '0', secType: 'STK' });
    expect(Date.parse(drift.since)).toBeGreaterThanOrEqual(before - 1000);
    expect(events.some((e) => e.type === 'drift' && e.status === 'started')).toBe(true);
    const metrics = await (await stack.fetch('/metrics')).text();
    expect(metrics).toMatch(/^tradehook_drifting_contracts 1$/m);
  });

  it('keeps positions and the drift (with its start) across an API restart on the same database', async () => {
    const { positions, drift } = await h.positions();
    await stack.running.close();
    await start();
    const after = await h.positions();
    expect(after.positions).toEqual(positions);
    expect(after.drift.map((d) => d.since)).toEqual(drift.map((d) => d.since));
  });

  it('sync to target: admin only, confirmed against the difference shown, audited, one order with its fate', async () => {
    const { conId, account } = await driftOf('AAPL');
    await stack.running.services.users.upsert('viewer', 'viewer-password-1', 'viewer');
    const viewer = await stack.login('viewer', 'viewer-password-1');
    expect((await post('/api/admin/positions/sync', { account, conId, confirm: true }, viewer)).status).toBe(403);
    expect((await post('/api/admin/positions/sync', { account, conId })).status).toBe(400);
    expect((await post('/api/admin/positions/sync', { account, conId, expected: '5' })).status).toBe(409);
    const res = await post('/api/admin/positions/sync', { account, conId, expected: '3' });
    expect(res.status).toBe(202);
    const { alerts } = (await res.json()) as { alerts: Array<{ id: number }> };
    expect(alerts).toEqual([expect.objectContaining({ strategy: 'Tradehook admin', direction: 'SYNC' })]);
    expect(await h.fate(alerts[0].id)).toMatchObject({ status: 'placed' });
    await h.settled();
    const [order] = await stack.query(`SELECT side, quantity::text FROM orders WHERE alert_id = $1`, [alerts[0].id]);
    expect(order).toEqual({ side: 'SELL', quantity: '3' });
    await stack.waitFor(async () => (await h.positions()).drift.length === 0, 'drift repaired', 15_000);
    expect(await h.position('Alpha')).toMatchObject({ quantity: '10' }); // the sync belongs to no strategy
    expect(await h.position('Beta')).toMatchObject({ quantity: '-4' });
    const [audit] = await stack.query(`SELECT username, resource_id FROM audit_log WHERE action = 'sync-to-target'`);
    expect(audit).toEqual({ username: 'admin', resource_id: `${account}:${conId}` });
    expect(await (await stack.fetch('/metrics')).text()).toMatch(/^tradehook_drifting_contracts 0$/m);
  });

  it("flattens one strategy's position — disabled, even — refusing a stale screen", async () => {
    const { conId, account } = await h.position('Beta');
    const [beta] = await stack.query(`SELECT id FROM strategies WHERE name = 'Beta'`);
    const disabled = await stack.fetch(`/api/admin/strategies/${beta.id}`, { method: 'PUT', body: JSON.stringify({ enabled: false }) });
    expect(disabled.status).toBe(200);
    expect((await post('/api/admin/positions/flatten-strategy', { strategy: 'Beta', account, conId, expected: '-3' })).status).toBe(409);
    const res = await post('/api/admin/positions/flatten-strategy', { strategy: 'beta', account, conId, expected: '-4' });
    const { alerts } = (await res.json()) as { alerts: Array<{ id: number }> };
    expect(alerts).toEqual([expect.objectContaining({ strategy: 'Beta', direction: 'EXIT' })]);
    expect(await h.fate(alerts[0].id)).toMatchObject({ status: 'placed' });
    await h.settled();
    expect(await h.position('Beta')).toMatchObject({ quantity: '0' });
    expect(await h.position('Alpha')).toMatchObject({ quantity: '10' });
  });

  it('flattens everything: each strategy exits and IB ends flat, every alert with its own fate', async () => {
    gateway.manualTrade({ symbol: 'MSFT', quantity: 2 }); // held at IB by nobody here
    gateway.manualTrade({ symbol: 'AAPL', quantity: 1 }); // and a little AAPL drift again
    await stack.waitFor(async () => (await stack.query(`SELECT 1 FROM ib_positions WHERE symbol = 'MSFT' AND quantity = 2`))[0], 'MSFT at IB');
    await stack.waitFor(async () => (await stack.query(`SELECT 1 FROM ib_positions WHERE symbol = 'AAPL' AND quantity = 11`))[0], 'AAPL 11 at IB');
    expect((await post('/api/admin/positions/flatten-all', {})).status).toBe(400);
    const res = await post('/api/admin/positions/flatten-all', { confirm: true });
    expect(res.status).toBe(202);
    const { alerts } = (await res.json()) as { alerts: Array<{ id: number }> };
    const fates = await Promise.all(alerts.map((a: { id: number }) => h.fate(a.id)));
    expect(fates.map((f) => f.status)).toEqual(alerts.map(() => 'placed'));
    await h.settled();
    await stack.waitFor(async () => (await stack.query(`SELECT 1 FROM ib_positions WHERE quantity <> 0`)).length === 0, 'IB flat', 15_000);
    expect((await h.positions()).positions.every((p) => p.quantity === '0')).toBe(true);
  });

  it('takes a fill made while the Gateway was down from the executions replayed on reconnect, once', async () => {
    gateway.setPrice('AAPL', 190);
    const limit = await h.send('Alpha', { direction: 'BUY', quantity: 2, orderType: 'LMT', limitPrice: 185 });
    expect(await h.fate(limit)).toMatchObject({ status: 'placed' });
    await stack.waitFor(async () => (await h.position('Alpha'))?.working === '2', 'Alpha working 2');
    const down = gateway.restart(1_000);
    gateway.setPrice('AAPL', 184); // the limit fills at IB while we are disconnected
    await down;
    await stack.waitFor(async () => (await h.position('Alpha'))?.quantity === '2', 'the fill after reconnect', 15_000);
    await stack.running.services.session.requestExecutions(); // a second replay changes nothing
    await stack.running.services.ledger.idle();
    expect(await h.position('Alpha')).toMatchObject({ quantity: '2', working: '0' });
  });
});
