import { originalPayload, startTestStack, type TestStack } from '../support/stack';
import { ordersPerAlert } from './support/alert-client';
import { recordFigures } from './support/figures';

const OUTAGE_MS = 30_000;
/** Shorter than the outage, longer than the reconnect backoff after it (≤ 15 s): stale and fresh alerts both occur. */
const ORDER_MAX_AGE_SECONDS = 22;

const stock = (alertId: string) => originalPayload({ symbol: 'PEP', exchange: 'NYSE', price: 170, alertId });
const idsOf = async (stack: TestStack, bodies: object[]) => {
  const replies = await Promise.all(bodies.map((b) => stack.post(b)));
  expect(replies.map((r) => r.status)).toEqual(bodies.map(() => 200));
  return replies.map((r) => r.body.id as number);
};

describe('the IB Gateway gone for 30 s in the middle of a stream of alerts', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { ORDER_MAX_AGE: String(ORDER_MAX_AGE_SECONDS) }, sim: { prices: { PEP: 170 } } });
    await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
  });
  afterAll(() => stack.close());

  it('reconnects, places fresh alerts once, expires stale ones with the reason, backfills missed fills without duplicates', async () => {
    const { sim } = stack;
    const before = await idsOf(stack, [1, 2, 3].map((i) => stock(`before-${i}`)));
    await stack.waitFor(async () => before.every((id) => ordersPerAlert(sim.orders).has(id)), 'the first orders at IB');
    // This one fills while we are cut off: IB keeps the execution, we must learn it on reconnect.
    sim.setFillDelay(2_000);
    const [inFlight] = await idsOf(stack, [stock('fills-during-outage')]);
    await stack.waitFor(async () => ordersPerAlert(sim.orders).has(inFlight), 'the in-flight order at IB');

    const outage = sim.restart(OUTAGE_MS);
    await stack.waitFor(async () => !stack.running.services.session.isReady(), 'IB down');
    const stale = await idsOf(stack, [1, 2, 3].map((i) => stock(`stale-${i}`))); // ≈ 30 s old when IB is back
    await outage;
    sim.setFillDelay(0);
    // Sent as the Gateway comes back, while we are still in reconnect backoff: they wait in the database, in time.
    const fresh = await idsOf(stack, [1, 2, 3].map((i) => stock(`fresh-${i}`)));

    await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB reconnected', 25_000);
    await stack.waitFor(async () => fresh.every((id) => ordersPerAlert(sim.orders).has(id)), 'the fresh orders at IB', 15_000);
    const [inFlightOrder] = await stack.query('SELECT id, ib_order_id FROM orders WHERE alert_id = $1', [inFlight]);
    const simFills = sim.executions.filter((e) => e.orderId === inFlightOrder.ib_order_id).length;
    await stack.waitFor(async () => (await stack.query('SELECT 1 FROM executions WHERE order_id = $1', [inFlightOrder.id])).length === simFills,
      'the missed executions backfilled', 15_000);
    const executionRows = async () => (await stack.query('SELECT count(*)::int AS n FROM executions'))[0].n;
    await stack.waitFor(async () => (await executionRows()) >= sim.executions.length, 'every live fill recorded too', 15_000);

    const perAlert = ordersPerAlert(sim.orders);
    const staleRows = await stack.query('SELECT status, reason FROM alerts WHERE id = ANY($1)', [stale]);
    const [{ rows, distinct }] = await stack.query('SELECT count(*)::int AS rows, count(DISTINCT exec_key)::int AS distinct FROM executions');
    recordFigures('gateway-down-30s', {
      outageSeconds: OUTAGE_MS / 1000, freshPlaced: fresh.filter((id) => perAlert.get(id) === 1).length, fresh: fresh.length,
      staleExpired: staleRows.filter((r) => r.status === 'expired').length, stale: stale.length,
      missedFillsBackfilled: simFills, executionRows: rows, simulatorExecutions: sim.executions.length,
      ordersDoubled: [...perAlert.values()].filter((n) => n > 1).length, pacingViolations: sim.stats.pacingViolations,
    });
    expect(fresh.map((id) => perAlert.get(id))).toEqual([1, 1, 1]);
    expect(stale.map((id) => perAlert.get(id) ?? 0)).toEqual([0, 0, 0]);
    for (const row of staleRows) expect(row).toEqual({ status: 'expired', reason: expect.stringContaining('ORDER_MAX_AGE') });
    expect(simFills).toBeGreaterThan(0);
    expect(rows).toBe(distinct); // one row per execution, however often IB replayed it
    expect(rows).toBe(sim.executions.length);
    expect([...perAlert.values()].every((n) => n === 1)).toBe(true);
    expect(sim.stats.pacingViolations).toBe(0);
  });
});
