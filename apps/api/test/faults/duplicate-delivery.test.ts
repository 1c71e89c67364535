import { originalPayload, startTestStack, type TestStack } from '../support/stack';
import { ordersPerAlert } from './support/alert-client';
import { recordFigures } from './support/figures';

const DELIVERIES = 5;

describe('one alert delivered 5 times (a sender retrying, a proxy replaying)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ sim: { prices: { MSFT: 410 } } });
    await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
  });
  afterAll(() => stack.close());

  /** Dispatch is oldest first: once a later alert is on the wire, everything before it has had its chance. */
  async function settle(): Promise<void> {
    const sentinel = await stack.post(originalPayload({ symbol: 'MSFT', exchange: 'NASDAQ', price: 410, alertId: `sentinel-${Date.now()}` }));
    await stack.waitFor(async () => ordersPerAlert(stack.sim.orders).has(sentinel.body.id), 'the sentinel order at IB');
  }

  it.each([
    // The alertId decides, even when the deliveries' bytes differ.
    ['with the same alertId, all at once', (n: number) => originalPayload({ symbol: 'MSFT', exchange: 'NASDAQ', price: 410, alertId: 'repeat-1', alert: `delivery ${n}` }), true],
    // No alertId: a byte-identical body within DUPLICATE_WINDOW_SECONDS is the same alert.
    ['as byte-identical bodies without alertId, one after another', (_n: number) => originalPayload({ symbol: 'MSFT', exchange: 'NASDAQ', price: 410, alert: 'no id' }), false],
  ] as const)('places 1 order %s', async (label, body, concurrent) => {
    const replies: Array<{ status: number; body: any }> = [];
    if (concurrent) replies.push(...(await Promise.all(Array.from({ length: DELIVERIES }, (_, n) => stack.post(body(n))))));
    else for (let n = 0; n < DELIVERIES; n++) replies.push(await stack.post(body(n)));
    await settle();

    const original = replies.find((r) => r.body.status === 'accepted')!.body.id as number;
    const placed = ordersPerAlert(stack.sim.orders).get(original) ?? 0;
    const rows = await stack.query(`SELECT status FROM alerts WHERE id = $1 OR duplicate_of = $1`, [original]);
    recordFigures(`same-alert-x${DELIVERIES} (${label})`, {
      deliveries: DELIVERIES, answered200: replies.filter((r) => r.status === 200).length,
      accepted: replies.filter((r) => r.body.status === 'accepted').length, duplicates: replies.filter((r) => r.body.status === 'duplicate').length,
      ordersAtIb: placed,
    });
    expect(replies.map((r) => r.status)).toEqual(Array(DELIVERIES).fill(200)); // a repeat is acknowledged, so the sender stops
    expect(replies.every((r) => r.body.id === original)).toBe(true);
    expect(replies.filter((r) => r.body.status === 'duplicate')).toHaveLength(DELIVERIES - 1);
    expect(rows.map((r) => r.status).sort()).toEqual([...Array(DELIVERIES - 1).fill('duplicate'), 'placed']);
    expect(placed).toBe(1);
  });
});
