import { IbSimulator } from '@tradehook/ib-simulator';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { originalPayload, startTestStack, type TestStack } from '../support/stack';

let db: TestDatabase;
const gateway = new IbSimulator({ walk: false, prices: { AAPL: 190 }, partialFills: 1 });
beforeAll(async () => {
  db = await createTestDatabase();
  await gateway.start();
});
afterAll(async () => {
  await gateway.stop();
  await db.drop();
});

const bracket = (alertId: string) => originalPayload({ exchange: 'NASDAQ', symbol: 'AAPL', price: 190, quantity: 10, orderType: 'LMT',
  limitPrice: 180, takeProfit: 195, stopLoss: 175, alertId });

async function ready(): Promise<TestStack> {
  const stack = await startTestStack({ db, simulator: gateway });
  await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
  return stack;
}

async function rowsOf(stack: TestStack, alertId: number) {
  return stack.waitFor(async () => {
    const rows = await stack.query('SELECT * FROM orders WHERE alert_id = $1 ORDER BY id', [alertId]);
    return rows.length === 3 && rows;
  }, `the bracket rows of alert ${alertId}`);
}
const atIb = (orderRef: string) => gateway.orders.filter((o) => o.orderRef.startsWith(orderRef));

describe('a bracket across an API restart', () => {
  it('is found whole by reconcile and nothing is sent again; its exits still work under the new process', async () => {
    const first = await ready();
    const { body } = await first.post(bracket('whole'));
    const [parent] = await rowsOf(first, body.id);
    await first.waitFor(async () => atIb(parent.order_ref).length === 3, 'three orders at IB');
    await first.running.close();

    const second = await ready();
    try {
      const rows = await second.waitFor(async () => {
        const r = await second.query('SELECT id, status FROM orders WHERE alert_id = $1 ORDER BY id', [body.id]);
        return r.every((o) => o.status === 'working') && r;
      }, 'the bracket working after reconcile');
      expect(atIb(parent.order_ref)).toHaveLength(3);
      gateway.setPrice('AAPL', 179.5);
      gateway.setPrice('AAPL', 196);
      await second.waitFor(async () => {
        const r = await second.query('SELECT status FROM orders WHERE alert_id = $1 ORDER BY id', [body.id]);
        return r.map((o) => o.status).join() === 'filled,filled,cancelled';
      }, 'take-profit filled, stop cancelled');
      expect(rows).toHaveLength(3);
    } finally {
      gateway.setPrice('AAPL', 190);
      await second.close();
    }
  });

  // The crash window between the rows' commit and the sends: IB has the parent only (held, transmit=0), or nothing.
  it.each([['the parent only', 1], ['nothing', 0]])('with %s sent before the restart, reconcile sends the rest linked, the last transmitting', async (_what, sendFirst) => {
    const first = await ready();
    const session = first.running.services.session;
    const real = session.placeOrder.bind(session);
    let calls = 0;
    jest.spyOn(session, 'placeOrder').mockImplementation(async (...args) => (calls++ < sendFirst ? real(...args) : false));
    const { body } = await first.post(bracket(`cut-${sendFirst}`));
    const [parent] = await rowsOf(first, body.id);
    await first.waitFor(async () => first.logs.some((l) => l.includes('reconcile will place it') && l.includes(`"alertId":${body.id}`)), 'the send cut');
    expect(atIb(parent.order_ref)).toHaveLength(sendFirst);
    await first.running.close();

    const second = await ready();
    try {
      const orders = await second.waitFor(async () => atIb(parent.order_ref).length === 3 && atIb(parent.order_ref), 'the bracket at IB');
      const [p, tp, sl] = orders;
      expect(p).toMatchObject({ orderRef: parent.order_ref, transmit: false, parentId: 0 });
      expect(tp).toMatchObject({ orderType: 'LMT', lmtPrice: 195, parentId: p.orderId, transmit: false });
      expect(sl).toMatchObject({ orderType: 'STP', auxPrice: 175, parentId: p.orderId, transmit: true });
      expect(tp.ocaGroup).toBe(sl.ocaGroup);
      const rows = await second.query('SELECT ib_order_id FROM orders WHERE alert_id = $1 ORDER BY id', [body.id]);
      expect(rows.map((r) => r.ib_order_id)).toEqual([p.orderId, tp.orderId, sl.orderId]);
      await second.waitFor(async () => {
        const r = await second.query('SELECT status FROM orders WHERE alert_id = $1', [body.id]);
        return r.every((o) => o.status === 'working');
      }, 'all three working');
    } finally {
      await second.close();
    }
  });
});
