import { originalPayload, startTestStack, TEST_SECRET, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ sim: { prices: { AAPL: 190 } } });
  await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
});
afterAll(() => stack.close());

const aapl = (alertId: string) => ({
  stratName: 'S', symbol: 'AAPL', exchange: 'NASDAQ', price: 190, direction: 'BUY', secmgs: TEST_SECRET, alertId,
});

/** Posts an alert and waits for its order row: the alert traded. */
async function tradedAlert(alertId: string): Promise<{ id: number; orderId: number }> {
  const sent = await stack.post(aapl(alertId));
  expect(sent).toMatchObject({ status: 200, body: { status: 'accepted' } });
  const order = await stack.waitFor(
    async () => (await stack.query('SELECT id FROM orders WHERE alert_id = $1', [sent.body.id]))[0], 'its order');
  return { id: sent.body.id, orderId: Number(order.id) };
}

const del = async (path: string) => {
  const res = await stack.fetch(path, { method: 'DELETE' });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};

const ordersOf = async (alertId: string) =>
  (await stack.query(`SELECT count(*)::int AS n FROM orders o JOIN alerts a ON a.id = o.alert_id WHERE a.external_id = $1`, [alertId]))[0].n;

const auditOf = (id: number) =>
  stack.query(`SELECT username, action, resource, resource_id FROM audit_log WHERE resource = 'alerts' AND resource_id = $1 ORDER BY id`, [String(id)]);

describe('deleting an alert', () => {
  it.each([
    ['/api/alerts', 'dup-api'],
    ['/api/admin/alerts', 'dup-admin'],
  ])('%s/:id keeps an alert that traded (409), so a retry of its alertId stays a duplicate', async (base, alertId) => {
    const { id, orderId } = await tradedAlert(alertId);

    const res = await del(`${base}/${id}`);
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: 'conflict',
      message: expect.stringMatching(new RegExp(`^Alert ${id} led to order ${orderId} \\(IB order #\\d+, \\w+\\) and is kept for the record`)),
    });
    expect(res.body.message).toContain('only alerts that never traded can be deleted');
    expect((await stack.get(`/api/alerts/${id}`)).status).toBe(200);

    const retry = await stack.post(aapl(alertId));
    expect(retry).toEqual({ status: 200, body: { id, status: 'duplicate' } });
    expect(await ordersOf(alertId)).toBe(1);
    expect(await auditOf(id)).toEqual([]);
  });

  it('keeps a failed alert too: it has an order, even a rejected one', async () => {
    const { id, orderId } = await tradedAlert('failed-1');
    await stack.query(`UPDATE alerts SET status = 'failed' WHERE id = $1`, [id]);
    const res = await del(`/api/alerts/${id}`);
    expect(res).toMatchObject({ status: 409, body: { message: expect.stringContaining(`led to order ${orderId}`) } });
  });

  it('deletes an alert that never traded, and writes who did it to the audit log (both routes)', async () => {
    const rejected = await stack.post(originalPayload({ secmgs: 'wrong', alertId: 'never-traded-1' }));
    const rejected2 = await stack.post(originalPayload({ secmgs: 'wrong', alertId: 'never-traded-2' }));
    expect([rejected.status, rejected2.status]).toEqual([401, 401]);
    const [a, b] = (await stack.query(`SELECT id FROM alerts WHERE status = 'rejected' ORDER BY id DESC LIMIT 2`))
      .map((r) => Number(r.id)).reverse();

    expect(await del(`/api/alerts/${a}`)).toEqual({ status: 204, body: null });
    expect((await del(`/api/admin/alerts/${b}`)).status).toBe(200);
    expect((await stack.get(`/api/alerts/${a}`)).status).toBe(404);
    expect((await stack.get(`/api/alerts/${b}`)).status).toBe(404);
    for (const id of [a, b]) {
      expect(await auditOf(id)).toEqual([{ username: 'admin', action: 'delete', resource: 'alerts', resource_id: String(id) }]);
    }
    expect(await del(`/api/alerts/${a}`)).toEqual({ status: 404, body: { error: 'not_found', message: `Alert ${a} does not exist` } });
    expect((await del(`/api/admin/alerts/${b}`)).status).toBe(404);
  });

  it('a duplicate can be deleted; the original still answers for its alertId', async () => {
    const { id } = await tradedAlert('dup-of-traded');
    await stack.post(aapl('dup-of-traded'));
    const [dup] = await stack.query(`SELECT id FROM alerts WHERE duplicate_of = $1`, [id]);
    expect(await del(`/api/alerts/${dup.id}`)).toEqual({ status: 204, body: null });
    expect(await stack.post(aapl('dup-of-traded'))).toEqual({ status: 200, body: { id, status: 'duplicate' } });
  });

  it('waits for an order being written for the alert, then keeps it (no race with the dispatcher)', async () => {
    const rejected = await stack.post(originalPayload({ secmgs: 'wrong', alertId: 'race-1' }));
    expect(rejected.status).toBe(401);
    const [{ id }] = await stack.query(`SELECT id FROM alerts WHERE status = 'rejected' ORDER BY id DESC LIMIT 1`);

    // The dispatcher's claim, held open: alert → placed and its order row, not yet committed.
    const claim = stack.running.db.createQueryRunner();
    await claim.connect();
    try {
      await claim.startTransaction();
      await claim.query(`UPDATE alerts SET status = 'placed' WHERE id = $1`, [id]);
      const [order] = await claim.query(
        `INSERT INTO orders (alert_id, ib_order_id, client_id, order_ref, symbol, sec_type, exchange, currency, side,
           quantity, order_type, tif, status, remaining)
         VALUES ($1, 900001, 99, 'race', 'AAPL', 'STK', 'SMART', 'USD', 'BUY', 1, 'MKT', 'DAY', 'cancelled', 0) RETURNING id`, [id]);

      let settled = false;
      const deletion = del(`/api/alerts/${id}`).finally(() => { settled = true; });
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false); // waiting for the claim's lock
      await claim.commitTransaction();

      expect(await deletion).toMatchObject({ status: 409, body: { message: expect.stringContaining(`led to order ${order.id}`) } });
      expect((await stack.query('SELECT id FROM alerts WHERE id = $1', [id]))).toHaveLength(1);
    } finally {
      await claim.release();
    }
  });
});

describe('documentation', () => {
  it('documents the 409 of both deletes and the range of every :id', async () => {
    const { body } = await stack.get('/documentation/json');
    for (const path of ['/api/alerts/{id}', '/api/admin/alerts/{id}']) {
      expect(Object.keys(body.paths[path].delete.responses)).toEqual(expect.arrayContaining(['404', '409']));
    }
    const id = body.paths['/api/admin/orders/{id}/cancel'].post.parameters.find((p: { name: string }) => p.name === 'id');
    expect(id.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
  });
});

describe(':id parameters', () => {
  const HUGE = ['99999999999999999999', '9223372036854775808', '9007199254740992'];

  it.each([
    ...HUGE.flatMap((id) => [
      ['GET', `/api/alerts/${id}`], ['DELETE', `/api/alerts/${id}`],
      ['GET', `/api/admin/orders/${id}`], ['GET', `/api/admin/alerts/${id}`], ['DELETE', `/api/admin/alerts/${id}`],
      ['PUT', `/api/admin/strategies/${id}`], ['POST', `/api/admin/alerts/${id}/resend`], ['POST', `/api/admin/orders/${id}/cancel`],
    ]),
    ['GET', '/api/alerts/0'], ['GET', '/api/alerts/-1'], ['GET', '/api/alerts/1.5'], ['GET', '/api/alerts/abc'],
  ])('%s %s answers 400 naming the id', async (method, path) => {
    const res = await stack.fetch(path, {
      method, headers: { 'content-type': 'application/json' }, body: method === 'PUT' ? '{}' : undefined,
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toEqual({ error: 'invalid_request', message: expect.any(String), details: [{ field: 'id', problem: expect.any(String) }] });
  });

  it('answers 404 for the largest id it accepts', async () => {
    const max = String(Number.MAX_SAFE_INTEGER);
    expect((await stack.get(`/api/alerts/${max}`)).status).toBe(404);
    expect((await stack.get(`/api/admin/orders/${max}`)).status).toBe(404);
    expect((await stack.fetch(`/api/admin/alerts/${max}/resend`, { method: 'POST' })).status).toBe(404);
    expect((await stack.fetch(`/api/admin/orders/${max}/cancel`, { method: 'POST' })).status).toBe(404);
    expect((await del(`/api/alerts/${max}`)).status).toBe(404);
  });
});

describe('list paging out of range', () => {
  it('answers 400, not 500, for an offset or a range beyond what a page can be', async () => {
    expect((await stack.get('/api/alerts?offset=99999999999999999999')).status).toBe(400);
    const range = (r: string) => stack.get(`/api/admin/alerts?range=${encodeURIComponent(r)}`);
    expect((await range('[0,99999999999999999999]')).status).toBe(400);
    expect((await range('[0,4999]')).status).toBe(400);
    expect((await range('[0,999]')).status).toBe(200);
  });
});
