import { originalPayload, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ sim: { prices: { ES: 6000, AAPL: 190, MSFT: 410, IBM: 250 }, partialFills: 1 } });
  await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
});
afterAll(() => stack.close());

const es = (extra: Record<string, unknown>) => originalPayload({ exchange: 'CME_MINI', symbol: 'ES1!', price: 6000, quantity: 1, ...extra });
const stock = (symbol: string, price: number, extra: Record<string, unknown>) =>
  originalPayload({ exchange: 'NASDAQ', symbol, price, quantity: 10, ...extra });

/** The alert's orders as the database holds them, parent first, once all `count` exist. */
async function ordersOf(alertId: number, count: number) {
  return stack.waitFor(async () => {
    const rows = await stack.query('SELECT * FROM orders WHERE alert_id = $1 ORDER BY id', [alertId]);
    return rows.length === count && rows;
  }, `${count} orders of alert ${alertId}`);
}

/** The orders IB received for an alert (its parent's orderRef and the children's, which extend it). */
const atIb = (orderRef: string) => stack.sim.orders.filter((o) => o.orderRef.startsWith(orderRef));

async function statusOf(orderId: number, status: string) {
  return stack.waitFor(async () => (await stack.query('SELECT * FROM orders WHERE id = $1 AND status = $2', [orderId, status]))[0],
    `order ${orderId} ${status}`);
}

async function accepted(body: unknown): Promise<number> {
  const reply = await stack.post(body);
  expect(reply).toMatchObject({ status: 200, body: { status: 'accepted' } });
  return reply.body.id;
}

describe('brackets at IB', () => {
  it('sends one parent and two children linked as IB expects, exits from the reference price rounded to ES ticks', async () => {
    const id = await accepted(es({ takeProfit: { offset: 10.1 }, stopLoss: { ticks: 9 } }));
    const [parent, tp, sl] = await ordersOf(id, 3);
    await stack.waitFor(async () => atIb(parent.order_ref).length === 3, 'three orders at IB');
    const [p, t, s] = atIb(parent.order_ref);
    expect(p).toMatchObject({ orderId: parent.ib_order_id, action: 'BUY', orderType: 'MKT', parentId: 0, transmit: false });
    expect(t).toMatchObject({ orderId: tp.ib_order_id, action: 'SELL', orderType: 'LMT', totalQuantity: 1, parentId: p.orderId, transmit: false });
    expect(s).toMatchObject({ orderId: sl.ib_order_id, action: 'SELL', orderType: 'STP', totalQuantity: 1, parentId: p.orderId, transmit: true });
    expect(t.ocaGroup).toBeTruthy();
    expect(s.ocaGroup).toBe(t.ocaGroup);
    // IB's reference price for ES is 6000 (±1 tick of spread): 6010.1 → 6010.00, 9 ticks below → 5997.75.
    const reference = Number(t.lmtPrice) - 10;
    expect(Number(t.lmtPrice) % 0.25).toBe(0);
    expect(Number(s.auxPrice) % 0.25).toBe(0);
    expect(Number(s.auxPrice)).toBeCloseTo(reference - 2.25, 8);
    expect(Math.abs(reference - 6000)).toBeLessThanOrEqual(0.5);
    // The ledger: one order group for the alert, the children named by role.
    expect([tp.parent_order_id, sl.parent_order_id]).toEqual([parent.id, parent.id]);
    expect([parent.exit_role, tp.exit_role, sl.exit_role]).toEqual([null, 'take-profit', 'stop-loss']);
    expect(tp.oca_group).toBe(t.ocaGroup);

    await statusOf(parent.id, 'filled');
    await statusOf(tp.id, 'working');
    stack.sim.setPrice('ES', Number(t.lmtPrice) + 0.5);
    await statusOf(tp.id, 'filled');
    await statusOf(sl.id, 'cancelled');
    const [alert] = await stack.query('SELECT status, exits FROM alerts WHERE id = $1', [id]);
    expect(alert).toMatchObject({ status: 'placed', exits: { takeProfit: { kind: 'offset', value: '10.1' }, stopLoss: { kind: 'ticks', value: '9' } } });
    // The alert shows its entry with the children and their state; the order list shows each child with its parent.
    const { body: shown } = await stack.get(`/api/alerts/${id}`);
    expect(shown.exits).toEqual({ takeProfit: { kind: 'offset', value: '10.1' }, stopLoss: { kind: 'ticks', value: '9' } });
    expect(shown.order).toMatchObject({ id: parent.id, status: 'filled', exits: [
      { id: tp.id, role: 'take-profit', orderType: 'LMT', status: 'filled', limitPrice: String(t.lmtPrice), filled: '1' },
      { id: sl.id, role: 'stop-loss', orderType: 'STP', status: 'cancelled', stopPrice: String(s.auxPrice), filled: '0' },
    ] });
    const { body: listed } = await stack.get(`/api/admin/orders?filter=${encodeURIComponent(JSON.stringify({ alertId: id }))}`);
    expect(listed.map((o: { parentOrderId: number | null; exitRole: string | null }) => [o.parentOrderId, o.exitRole]))
      .toEqual(expect.arrayContaining([[null, null], [parent.id, 'take-profit'], [parent.id, 'stop-loss']]));
    stack.sim.setPrice('ES', 6000);
  });

  it('a limit entry with absolute exits: the stop fills and the take-profit is cancelled', async () => {
    const id = await accepted(stock('AAPL', 190, { orderType: 'LMT', limitPrice: 190, takeProfit: 195, stopLoss: { price: '185' } }));
    const [parent, tp, sl] = await ordersOf(id, 3);
    expect([tp.limit_price, sl.stop_price]).toEqual(['195', '185']);
    await statusOf(parent.id, 'filled');
    stack.sim.setPrice('AAPL', 184.5);
    await statusOf(sl.id, 'filled');
    await statusOf(tp.id, 'cancelled');
    const fills = await stack.query('SELECT side, shares::text AS shares FROM executions WHERE order_id = $1', [sl.id]);
    expect(fills.reduce((sum: number, f: { shares: string }) => sum + Number(f.shares), 0)).toBe(10);
    stack.sim.setPrice('AAPL', 190);
  });

  it('a SELL entry puts its take-profit below and its stop(-limit) above', async () => {
    const id = await accepted(stock('MSFT', 410, { direction: 'sell', orderType: 'LMT', limitPrice: 410,
      takeProfit: { percent: 1 }, stopLoss: { offset: 5, limitOffset: 0.5 } }));
    const [parent, tp, sl] = await ordersOf(id, 3);
    await stack.waitFor(async () => atIb(parent.order_ref).length === 3, 'three orders at IB');
    const [, t, s] = atIb(parent.order_ref);
    expect(t).toMatchObject({ action: 'BUY', orderType: 'LMT', lmtPrice: 405.9 });
    expect(s).toMatchObject({ action: 'BUY', orderType: 'STP LMT', auxPrice: 415, lmtPrice: 415.5, transmit: true });
    expect([tp.side, sl.side, sl.order_type]).toEqual(['BUY', 'BUY', 'STP LMT']);
  });

  it('a trailing stop child is sent as IB TRAIL with its amount, linked to the parent', async () => {
    const id = await accepted(stock('AAPL', 190, { orderType: 'LMT', limitPrice: 180, trailingStop: { amount: 2 }, outsideRth: true }));
    const [parent, ts] = await ordersOf(id, 2);
    expect(ts).toMatchObject({ exit_role: 'trailing-stop', order_type: 'TRAIL', trailing_amount: '2', outside_rth: true });
    expect(parent.outside_rth).toBe(true);
    await stack.waitFor(async () => atIb(parent.order_ref).length === 2, 'two orders at IB');
    const [p, t] = atIb(parent.order_ref);
    expect(p.transmit).toBe(false);
    expect(t).toMatchObject({ action: 'SELL', orderType: 'TRAIL', auxPrice: 2, parentId: p.orderId, transmit: true });
  });
});

describe('exits measured from IB\'s price', () => {
  it('refuses a market bracket whose take-profit is above the alert\'s price but not above IB\'s, naming both', async () => {
    const id = await accepted(es({ price: 5900, takeProfit: 5950, stopLoss: 5850, alertId: 'below-market' }));
    const alert = await stack.waitFor(async () => (await stack.query(`SELECT * FROM alerts WHERE id = $1 AND status = 'refused'`, [id]))[0], 'refused');
    expect(alert.reason).toMatch(/take-profit 5950 is not above the entry price 600\d(\.\d+)? \(IB's reference price: IB .*market data/);
    expect(await stack.query('SELECT id FROM orders WHERE alert_id = $1', [id])).toEqual([]);
  });
});

describe('a trailing stop at IB', () => {
  it('follows the price up once the entry fills, and fills when the price falls back by its amount', async () => {
    stack.sim.setPrice('MSFT', 410);
    const id = await accepted(stock('MSFT', 410, { orderType: 'LMT', limitPrice: 410.5, trailingStop: { amount: 2 }, alertId: 'trail' }));
    const [parent, trail] = await ordersOf(id, 2);
    await statusOf(parent.id, 'filled');
    await statusOf(trail.id, 'working');
    for (const price of [411, 413, 415]) stack.sim.setPrice('MSFT', price);
    stack.sim.setPrice('MSFT', 413.5); // 1.5 below the high: the stop (413) has followed and holds
    await new Promise((r) => setTimeout(r, 100));
    expect((await stack.query('SELECT status FROM orders WHERE id = $1', [trail.id]))[0].status).toBe('working');
    stack.sim.setPrice('MSFT', 412.9);
    const filled = await statusOf(trail.id, 'filled');
    expect(Number(filled.avg_fill_price)).toBeGreaterThan(412); // well above 408, where a stop that did not follow would sit
    stack.sim.setPrice('MSFT', 410);
  });
});

describe("the contract's tick", () => {
  it('is asked of IB once per contract (reqContractDetails) and used for ticks offsets', async () => {
    const asked = jest.spyOn(stack.running.services.session, 'requestMinTicks');
    const ids = [await accepted(stock('IBM', 250, { orderType: 'LMT', limitPrice: 240, takeProfit: { ticks: 3 }, alertId: 'ibm-1' })),
      await accepted(stock('IBM', 250, { orderType: 'LMT', limitPrice: 241, takeProfit: { ticks: 3 }, alertId: 'ibm-2' }))];
    const [[, first], [, second]] = [await ordersOf(ids[0], 2), await ordersOf(ids[1], 2)];
    expect([first.limit_price, second.limit_price]).toEqual(['240.03', '241.03']);
    expect(asked).toHaveBeenCalledTimes(1);
    expect(await asked.mock.results[0].value).toEqual([0.01]);
    asked.mockRestore();
  });
});

describe('invalid exits are refused with the field named', () => {
  it.each([
    ['takeProfit', { takeProfit: 5990 }, /wrong side of the entry price 6000.*above/],
    ['stopLoss', { direction: 'SELL', stopLoss: 5990 }, /wrong side.*SELL's stop-loss must be above/],
    ['trailingStop', { stopLoss: { offset: 5 }, trailingStop: { amount: 3 } }, /cannot be combined with stopLoss/],
    ['takeProfit', { takeProfit: { distance: 5 } }, /must be a price, or one of/],
    ['stopLoss.ticks', { stopLoss: { ticks: 1.5 } }, /at most 0 decimals|whole number/],
    ['takeProfit.offset', { takeProfit: { offset: -3 } }, /greater than 0/],
    ['takeProfit', { direction: 'EXIT', takeProfit: { offset: 5 } }, /BUY or SELL entry, not to EXIT/],
    ['outsideRth', { outsideRth: 'yes' }, /boolean/],
  ])('%s: %j', async (field, extra, problem) => {
    const reply = await stack.post(es(extra));
    expect(reply.status).toBe(400);
    expect(reply.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, problem: expect.stringMatching(problem) })]));
  });
});
