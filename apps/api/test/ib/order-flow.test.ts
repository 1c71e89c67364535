import { originalPayload, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ sim: { prices: { AAPL: 190.25, MSFT: 410 }, partialFills: 2, unknownSymbols: ['ZZZZ'] } });
  await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
});
afterAll(() => stack.close());

const stock = (symbol: string, extra: Record<string, unknown> = {}) =>
  originalPayload({ symbol, exchange: 'NASDAQ', price: 190, ...extra });

async function orderOf(alertId: number) {
  return stack.waitFor(async () => (await stack.query('SELECT * FROM orders WHERE alert_id = $1', [alertId]))[0], `order of alert ${alertId}`);
}

describe('alert → IB order → executions', () => {
  it('places one order, records two partial executions with commissions, and consolidates them', async () => {
    const { body } = await stack.post(stock('AAPL', { quantity: 10 }));
    const order = await orderOf(body.id);
    const filled = await stack.waitFor(async () => {
      const [o] = await stack.query(`SELECT * FROM orders WHERE id = $1 AND status = 'filled'`, [order.id]);
      return o;
    }, 'order filled');
    expect(filled).toMatchObject({ symbol: 'AAPL', sec_type: 'STK', side: 'BUY', quantity: '10', filled: '10', remaining: '0' });
    expect(filled.perm_id).toBeGreaterThan(0);
    expect(stack.sim.orders.filter((o) => o.orderRef === filled.order_ref)).toHaveLength(1);

    const recent = await stack.waitFor(async () => {
      const { body: rows } = await stack.get('/api/trades/recent?limit=20');
      const mine = rows.filter((r: { permId: number }) => r.permId === filled.perm_id);
      return mine.length === 2 && mine.every((r: { commission: string | null }) => r.commission !== null) && mine;
    }, 'two executions with commissions');
    expect(recent.map((r: { quantity: string }) => Number(r.quantity)).reduce((a: number, b: number) => a + b, 0)).toBe(10);
    expect(recent.map((r: { cumQty: string }) => r.cumQty).sort()).toEqual(['10', '5']);
    // Each execution names its alert's strategy (order → alert).
    expect(recent.map((r: { strategy: string | null }) => r.strategy)).toEqual(['Strat Alpha', 'Strat Alpha']);

    const { body: consolidated } = await stack.get('/api/trades/consolidated');
    const row = consolidated.find((r: { permId: number }) => r.permId === filled.perm_id);
    expect(row).toMatchObject({ orderId: filled.ib_order_id, symbol: 'AAPL', direction: 'BUY', cumQty: '10', executions: 2, alertId: body.id, alertPrice: '190' });
    expect(row.avgPrice).toBe(filled.avg_fill_price);
    expect(Number(row.slippage)).toBeCloseTo(Number(row.avgPrice) - 190, 8);
    expect(row.latencyMs).toBeGreaterThanOrEqual(0);
    // The order's strategy, and its commissions summed over both executions; an opening buy realizes nothing.
    const commissions = recent.map((r: { commission: string }) => Number(r.commission)).reduce((a: number, b: number) => a + b, 0);
    expect(row).toMatchObject({ strategy: 'Strat Alpha', commissionCurrency: recent[0].commissionCurrency });
    expect(Number(row.commission)).toBeCloseTo(commissions, 8);
    const realized = recent.map((r: { realizedPnl: string | null }) => r.realizedPnl).filter((p: string | null) => p !== null);
    expect(row.realizedPnl === null ? [] : [Number(row.realizedPnl)])
      .toEqual(realized.length ? [realized.reduce((sum: number, p: string) => sum + Number(p), 0)] : []);

    const [{ status }] = await stack.query('SELECT status FROM alerts WHERE id = $1', [body.id]);
    expect(status).toBe('placed');
  });

  it('shows a currency pair as the pair the alert named, not IB\'s base currency alone', async () => {
    // A forex quantity is in units of the base currency: far above the default global max quantity (100).
    const raised = await stack.fetch('/api/admin/settings/1', {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ globalMaxQuantity: 100_000 }),
    });
    expect(raised.status).toBe(200);
    const { body } = await stack.post(originalPayload({ symbol: 'EURUSD', exchange: 'FX_IDC', price: 1.08765, quantity: 20000 }));
    const order = await orderOf(body.id);
    const rows = await stack.waitFor(async () => {
      const { body: recent } = await stack.get('/api/trades/recent?limit=20');
      const mine = recent.filter((r: { orderId: number }) => r.orderId === order.ib_order_id);
      return mine.some((r: { cumQty: string }) => r.cumQty === '20000') && mine; // every partial fill is in
    }, 'the EURUSD executions');
    await stack.running.services.ledger.idle();
    expect(rows.every((r: { symbol: string }) => r.symbol === 'EURUSD')).toBe(true);
    const { body: consolidated } = await stack.get('/api/trades/consolidated');
    expect(consolidated.find((r: { orderId: number }) => r.orderId === order.ib_order_id)).toMatchObject({ symbol: 'EURUSD' });
  });

  it('adds no rows when IB replays the day\'s executions', async () => {
    const before = await stack.query('SELECT count(*)::int AS n FROM executions');
    const replayed = await stack.running.services.session.requestExecutions();
    await stack.running.services.ledger.idle();
    expect(replayed.length).toBeGreaterThanOrEqual(2);
    expect(await stack.query('SELECT count(*)::int AS n FROM executions')).toEqual(before);
  });

  it('replaces an execution by its correction (.01 → .02)', async () => {
    const [exec] = await stack.query(`SELECT * FROM executions ORDER BY id LIMIT 1`);
    const corrected = stack.sim.correctExecution(exec.exec_id, 191.5);
    const row = await stack.waitFor(async () =>
      (await stack.query('SELECT * FROM executions WHERE exec_id = $1', [corrected.execId]))[0], 'corrected execution');
    expect(row).toMatchObject({ id: exec.id, price: '191.5' });
    expect(await stack.query('SELECT 1 FROM executions WHERE exec_id = $1', [exec.exec_id])).toHaveLength(0);
  });

  it('refuses a contract IB has no definition for before it reaches IB, with IB\'s answer to the market data request', async () => {
    const { body } = await stack.post(stock('ZZZZ'));
    const alert = await stack.waitFor(async () =>
      (await stack.query(`SELECT * FROM alerts WHERE id = $1 AND status = 'refused'`, [body.id]))[0], 'alert refused');
    expect(alert.reason).toContain('no reference price for ZZZZ — IB gave no market data (IB 200: No security definition has been found');
    expect(stack.sim.orders.filter((o) => o.symbol === 'ZZZZ')).toHaveLength(0);
  });

  it('records an IB rejection (200: no security definition) on the order and the alert, which ends failed with the reason', async () => {
    // IB knew the contract when the quote was taken (the subscription still streams), not when the order arrived.
    await stack.post(stock('AAPL', { alertId: 'before-delisting' }));
    await stack.waitFor(async () => stack.sim.orders.some((o) => o.symbol === 'AAPL' && o.status === 'Filled'), 'AAPL traded');
    stack.sim.setUnknownSymbol('AAPL');
    try {
      const { body } = await stack.post(stock('AAPL', { alertId: 'after-delisting' }));
      const alert = await stack.waitFor(async () =>
        (await stack.query(`SELECT * FROM alerts WHERE id = $1 AND status = 'failed'`, [body.id]))[0], 'alert failed');
      expect(alert.reason).toMatch(/IB 200.*No security definition has been found for the request/);
      const [order] = await stack.query('SELECT * FROM orders WHERE alert_id = $1', [body.id]);
      expect(order).toMatchObject({ status: 'rejected', last_error_code: 200 });
    } finally {
      stack.sim.setUnknownSymbol('AAPL', false);
    }
  });

  it('reaches the simulator for a burst of 300 alerts, paced, with no error 100', async () => {
    const before = stack.sim.orders.length;
    const replies = await Promise.all(Array.from({ length: 300 }, (_, i) =>
      stack.post(stock('MSFT', { price: 410, alertId: `burst-${i}` }))));
    expect(replies.every((r) => r.status === 200 && r.body.status === 'accepted')).toBe(true);
    await stack.waitFor(async () => stack.sim.orders.length - before >= 300, '300 orders at the simulator', 30_000);
    expect(stack.sim.stats.pacingViolations).toBe(0);
    const refs = stack.sim.orders.slice(before).map((o) => o.orderRef);
    expect(new Set(refs).size).toBe(300);
  });
});
