import { startTestStack, type TestStack } from '../support/stack';
import { positionHelpers } from './position-helpers';

let stack: TestStack;
let h: ReturnType<typeof positionHelpers>;
beforeAll(async () => {
  stack = await startTestStack({ sim: { prices: { AAPL: 190, MSFT: 410 }, partialFills: 2 } });
  h = positionHelpers(stack);
  await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
  for (const name of ['Alpha', 'Beta', 'Gamma']) await h.strategy(name);
  await h.strategy('Tgt', { positionMode: 'target' });
  await h.strategy('Rev', { positionMode: 'target' });
});
afterAll(() => stack.close());

describe('a position per strategy, from its own fills', () => {
  it('moves each strategy by its fills, with average cost, realized P&L after commissions and the conId', async () => {
    await h.fate(await h.send('Alpha', { direction: 'BUY', quantity: 10 }));
    await h.fate(await h.send('Beta', { direction: 'sell', quantity: 4 }));
    await h.settled();
    stack.sim.setPrice('AAPL', 200);
    await h.fate(await h.send('Alpha', { direction: 'SELL', quantity: 4, price: 200 }));
    await h.settled();
    const alpha = await h.position('Alpha');
    const beta = await h.position('Beta');
    expect(alpha).toMatchObject({ quantity: '6', avgPrice: '190', secType: 'STK', working: '0' });
    expect(beta).toMatchObject({ quantity: '-4', avgPrice: '190' });
    expect(alpha.conId).toBeGreaterThan(0);
    // (200 − 190) × 4 = 40, less every commission IB reported for Alpha's executions
    const [{ paid }] = await stack.query(`SELECT sum(c.commission)::float8 AS paid FROM commissions c JOIN executions e USING (exec_id)
      JOIN orders o ON o.id = e.order_id JOIN alerts a ON a.id = o.alert_id WHERE a.strategy = 'Alpha'`);
    expect(paid).toBeGreaterThan(0);
    expect(Number(alpha.commission)).toBeCloseTo(paid, 8);
    expect(Number(alpha.realizedPnl)).toBeCloseTo(40 - paid, 8);
    const [{ con_id: conId }] = await stack.query(`SELECT con_id FROM executions WHERE con_id IS NOT NULL LIMIT 1`);
    expect(Number(conId)).toBe(alpha.conId);
  });

  it('EXIT (and CLOSE, FLAT) closes only that strategy; REVERSE flips it in one order', async () => {
    const exit = await h.send('Alpha', { direction: 'close' });
    expect(await h.fate(exit)).toMatchObject({ status: 'placed' });
    await h.settled();
    expect(await h.position('Alpha')).toMatchObject({ quantity: '0', avgPrice: null });
    expect(await h.position('Beta')).toMatchObject({ quantity: '-4' });
    expect(await h.fate(await h.send('Alpha', { direction: 'FLAT' }))).toMatchObject({ status: 'done' });

    const before = (await h.ordersOf('Beta')).length;
    expect(await h.fate(await h.send('Beta', { direction: 'Reverse', price: 200 }))).toMatchObject({ status: 'placed' });
    await h.settled();
    const orders = await h.ordersOf('Beta');
    expect(orders.slice(before)).toEqual([expect.objectContaining({ side: 'BUY', quantity: '8' })]);
    expect(await h.position('Beta')).toMatchObject({ quantity: '4' });
  });

  it('CANCEL cancels that strategy\'s working orders in the contract, and its fate says so', async () => {
    const limit = await h.send('Gamma', { direction: 'BUY', quantity: 3, orderType: 'LMT', limitPrice: 185, price: 200 });
    expect(await h.fate(limit)).toMatchObject({ status: 'placed' });
    await stack.waitFor(async () => (await h.position('Gamma'))?.working === '3', 'Gamma working 3');
    const cancel = await h.send('Gamma', { direction: 'cancel', price: 200 });
    expect((await h.fate(cancel)).reason).toMatch(/^Cancel requested for order #\d+$/);
    await stack.waitFor(async () => (await stack.query(
      `SELECT 1 FROM orders o JOIN alerts a ON a.id = o.alert_id WHERE a.id = $1 AND o.status = 'cancelled'`, [limit]))[0], 'cancelled');
    expect(await h.position('Gamma')).toBeUndefined();
    expect(await h.fate(await h.send('Gamma', { direction: 'CANCEL', price: 200 }))).toMatchObject({ status: 'done', reason: expect.stringMatching(/^Nothing to cancel/) });
  });
});

describe('target mode', () => {
  it('the same alert 5× places one order', async () => {
    stack.sim.setFillDelay(400); // the repeats arrive while the first order is still working
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await h.send('Tgt', { direction: 'buy', quantity: 3, positionSize: '3', marketPosition: 'long', marketPositionSize: '3', alert: `repeat ${i}`, price: 200 }));
    const fates = await Promise.all(ids.map((id) => h.fate(id)));
    stack.sim.setFillDelay(0);
    expect(fates.map((f) => f.status)).toEqual(['placed', 'done', 'done', 'done', 'done']);
    expect(fates[1].reason).toMatch(/already at 3 \(position 0, working 3\)|already at 3 \(position 3\)/);
    await h.settled();
    expect(await h.ordersOf('Tgt')).toHaveLength(1);
    expect(await h.position('Tgt')).toMatchObject({ quantity: '3' });
  });

  it('a missed alert is repaired by the next: it trades the difference to its target', async () => {
    // The alert to 5 never arrived; the next says 1 (from marketPosition): one sell of 2.
    await h.fate(await h.send('Tgt', { direction: 'sell', quantity: 4, marketPosition: 'long', marketPositionSize: 1, price: 200 }));
    await h.settled();
    expect((await h.ordersOf('Tgt')).at(-1)).toMatchObject({ side: 'SELL', quantity: '2' });
    expect(await h.position('Tgt')).toMatchObject({ quantity: '1' });
  });

  it('two alerts out of order: the older one, arriving later, does not move the position back', async () => {
    const newer = await h.send('Tgt', { direction: 'sell', positionSize: 0, timenow: '2026-11-25T14:30:07Z', price: 200 });
    expect(await h.fate(newer)).toMatchObject({ status: 'placed' });
    const older = await h.send('Tgt', { direction: 'buy', positionSize: 4, timenow: '2026-11-25T14:30:05Z', price: 200 });
    expect(await h.fate(older)).toMatchObject({ status: 'refused', reason: expect.stringMatching(/out of order/) });
    await h.settled();
    expect(await h.position('Tgt')).toMatchObject({ quantity: '0' });
  });

  it('a reversal from long to short is one order', async () => {
    await h.fate(await h.send('Rev', { direction: 'buy', marketPosition: 'long', marketPositionSize: 2, price: 200 }));
    await h.fate(await h.send('Rev', { direction: 'sell', marketPosition: 'short', marketPositionSize: 2, prevMarketPosition: 'long', prevMarketPositionSize: 2, price: 200 }));
    await h.settled();
    expect((await h.ordersOf('Rev')).map((o) => `${o.side} ${o.quantity}`)).toEqual(['BUY 2', 'SELL 4']);
    expect(await h.position('Rev')).toMatchObject({ quantity: '-2' });
  });

  it('refuses a target-mode alert that states no target, naming the fields', async () => {
    const fate = await h.fate(await h.send('Tgt', { direction: 'buy', quantity: 1, price: 200 }));
    expect(fate).toMatchObject({ status: 'refused', reason: expect.stringMatching(/positionSize/) });
  });
});
