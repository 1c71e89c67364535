import { originalPayload, startTestStack, TEST_SECRET, type TestStack } from '../support/stack';

// Issue 10 #6: no secret is stored, rejected requests cannot fill the database, raw bodies are for admins only.
let stack: TestStack;
const FAILURE_LIMIT = 5;
beforeAll(async () => {
  // A trusted proxy on loopback, so that each test can speak from an address of its own (X-Forwarded-For).
  stack = await startTestStack({ env: { WEBHOOK_FAILURE_LIMIT_PER_MINUTE: String(FAILURE_LIMIT), TRUSTED_PROXIES: '127.0.0.1' } });
});
afterAll(() => stack.close());

const json = (method: string, body: unknown) => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function post(body: string | object, from = '198.51.100.1') {
  const res = await fetch(`${stack.url}/webhook`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const row = async (id: number) => (await stack.query('SELECT * FROM alerts WHERE id = $1', [id]))[0];
const lastRow = async () => (await stack.query('SELECT * FROM alerts ORDER BY id DESC LIMIT 1'))[0];
const everything = (r: Record<string, unknown>) => JSON.stringify(r);

describe('secrets are never stored', () => {
  let strategySecret: string;
  beforeAll(async () => {
    const res = await stack.fetch('/api/admin/strategies', json('POST', { name: 'Strat Alpha', rotateSecret: true }));
    expect(res.status).toBe(201);
    strategySecret = ((await res.json()) as { secret: string }).secret;
  });

  // A secret in a field Tradehook acts on (alertId, symbol…) refuses the alert: webhook-secrets-in-fields.test.ts.
  it('a per-strategy secret: neither in secmgs nor pasted into the alert text', async () => {
    const res = await post(originalPayload({ secmgs: strategySecret, alert: `entry (${strategySecret})`, alertId: 'own-secret' }));
    expect(res).toMatchObject({ status: 200, body: { status: 'accepted' } });
    const stored = await row(res.body.id);
    expect(everything(stored)).not.toContain(strategySecret);
    expect(stored.alert_text).toBe('entry ([redacted])');
    expect(JSON.parse(stored.raw_body)).toMatchObject({ secmgs: '[redacted]', alert: 'entry ([redacted])', price: 15000.5 });
    expect(stored.raw_body).toContain('"price":15000.5,'); // otherwise as sent
  });

  it('a JSON-escaped field name ("sec\\u006dgs") is still the secret field', async () => {
    const body = JSON.stringify(originalPayload({ alertId: 'escaped-name' })).replace('"secmgs"', '"sec\\u006dgs"');
    const res = await post(body);
    expect(res.status).toBe(200); // JSON decodes the name: it authenticates
    const stored = await row(res.body.id);
    expect(stored.raw_body).toContain('"sec\\u006dgs":"[redacted]"');
    expect(stored.raw_body).not.toContain(TEST_SECRET);
  });

  it('the global secret inside the alert text, also in a rejected request', async () => {
    const accepted = await post(originalPayload({ alert: `secret is ${TEST_SECRET}!`, alertId: 'in-text' }));
    expect(accepted.status).toBe(200);
    expect(everything(await row(accepted.body.id))).not.toContain(TEST_SECRET);
    const rejected = await post(originalPayload({ secmgs: 'wrong-secret', alert: `secret is ${TEST_SECRET}` }), '198.51.100.2');
    expect(rejected.status).toBe(401);
    const stored = await lastRow();
    expect(stored.status).toBe('rejected');
    expect(everything(stored)).not.toContain(TEST_SECRET);
    expect(everything(stored)).not.toContain('wrong-secret');
  });
});

describe('what a request without the secret may store', () => {
  it('an unparseable 64 KB body: its first KB, marked truncated', async () => {
    const body = `{"stratName": "x", ${'garbage '.repeat(8_000)}`;
    expect(Buffer.byteLength(body)).toBeGreaterThan(63_000);
    const res = await post(body, '198.51.100.3');
    expect(res).toMatchObject({ status: 400, body: { error: 'malformed_body' } });
    const stored = await lastRow();
    expect(stored).toMatchObject({ status: 'rejected', raw_body_truncated: true });
    expect(Buffer.byteLength(stored.raw_body)).toBeLessThanOrEqual(1024);
    expect(body.startsWith(stored.raw_body)).toBe(true);
  });

  it('a parsed body with a wrong secret: also only its first KB; an authenticated invalid one whole', async () => {
    const alert = 'a'.repeat(3_000);
    expect((await post(originalPayload({ secmgs: 'wrong-secret', alert }), '198.51.100.4')).status).toBe(401);
    expect(await lastRow()).toMatchObject({ raw_body_truncated: true });
    expect(Buffer.byteLength((await lastRow()).raw_body)).toBeLessThanOrEqual(1024);
    expect((await post(originalPayload({ direction: 'SIDEWAYS', alert }), '198.51.100.4')).status).toBe(400);
    const whole = await lastRow();
    expect(whole.raw_body_truncated).toBe(false);
    expect(whole.raw_body).toContain(alert);
  });

  it('a short rejected body is whole and not marked', async () => {
    expect((await post('{"broken": ', '198.51.100.5')).status).toBe(400);
    expect(await lastRow()).toMatchObject({ raw_body: '{"broken": ', raw_body_truncated: false });
  });
});

describe('raw bodies are for admins', () => {
  let id: number;
  let viewer: string;
  beforeAll(async () => {
    id = (await post(originalPayload({ alertId: 'for-admins' }))).body.id;
    await stack.running.services.users.upsert('viewer', 'viewer-password-1', 'viewer');
    viewer = await stack.login('viewer', 'viewer-password-1');
  });

  it('GET /api/alerts/:id: the body for an admin, null and rawBodyHidden for a viewer', async () => {
    const admin = (await stack.get(`/api/alerts/${id}`)).body;
    expect(admin).toMatchObject({ rawBodyHidden: false, rawBodyTruncated: false, rawBody: expect.stringContaining('for-admins') });
    const res = await stack.fetch(`/api/alerts/${id}`, { cookie: viewer });
    expect(res.status).toBe(200);
    expect((await res.json()) as object).toMatchObject({ id, symbol: 'NQU4', rawBody: null, rawBodyHidden: true });
  });

  it('the console: the alerts list and record hide it from a viewer too', async () => {
    const list = await (await stack.fetch('/api/admin/alerts', { cookie: viewer })).json() as Array<{ rawBody: unknown; rawBodyHidden: boolean }>;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((a) => a.rawBody === null && a.rawBodyHidden)).toBe(true);
    expect(await (await stack.fetch(`/api/admin/alerts/${id}`, { cookie: viewer })).json()).toMatchObject({ rawBody: null, rawBodyHidden: true });
    expect(await (await stack.fetch(`/api/admin/alerts/${id}`)).json()).toMatchObject({ rawBody: expect.stringContaining('for-admins') });
  });
});

describe('a flood of failures from one address', () => {
  it(`gets 429 after ${FAILURE_LIMIT} failures a minute and stores nothing more; the same address with the secret still gets in`, async () => {
    const from = '203.0.113.9';
    const [{ n: before }] = await stack.query('SELECT count(*)::int AS n FROM alerts');
    const statuses: number[] = [];
    for (let i = 0; i < FAILURE_LIMIT + 5; i++) statuses.push((await post(originalPayload({ secmgs: `guess-${i}-xxxxxx` }), from)).status);
    expect(statuses).toEqual([...Array(FAILURE_LIMIT).fill(401), ...Array(5).fill(429)]);
    expect((await post('not json', from)).body).toMatchObject({ error: 'too_many_failures' });
    const [{ n: after }] = await stack.query('SELECT count(*)::int AS n FROM alerts');
    expect(after - before).toBe(FAILURE_LIMIT);

    expect((await post(originalPayload({ alertId: 'still-welcome' }), from)).status).toBe(200);
    expect((await post(originalPayload({ secmgs: 'nope-nope-nope' }), '203.0.113.10')).status).toBe(401); // another address

    const metrics = await (await fetch(`${stack.url}/metrics`)).text();
    expect(metrics).toMatch(/^tradehook_webhook_failures_refused_total 6$/m);
    expect(stack.logs.filter((l) => l.includes('too many requests without a valid secret'))).toHaveLength(1);
  });
});

describe('old rejected alerts are pruned', () => {
  it('deletes rejected and duplicate alerts past the retention that led to no order, in batches, and keeps the rest', async () => {
    expect((await stack.fetch('/api/admin/settings/1', json('PUT', { rejectedRetentionDays: 3 }))).status).toBe(200);
    await stack.query('DELETE FROM orders');
    await stack.query('DELETE FROM alerts');
    const insert = (status: string, daysAgo: number, n = 1) => stack.query<{ id: number }>(
      `INSERT INTO alerts (received_at, status, http_status, raw_body)
       SELECT now() - make_interval(days => $2), $1, 400, 'x' FROM generate_series(1, $3) RETURNING id`, [status, daysAgo, n]);
    await insert('rejected', 5, 1_200); // more than two batches
    await insert('duplicate', 4);
    const kept = [...await insert('rejected', 2), ...await insert('placed', 30), ...await insert('expired', 30)];
    const [withOrder] = await insert('rejected', 30); // disowned after its order was written: the order needs it
    await stack.query(`INSERT INTO orders (alert_id, ib_order_id, client_id, order_ref, symbol, sec_type, exchange, currency,
      side, quantity, order_type, tif, status, remaining) VALUES ($1, 1, 7, 'TH-x', 'SPY', 'STK', 'SMART', 'USD', 'BUY', 1, 'MKT', 'DAY', 'filled', 0)`,
    [withOrder.id]);

    expect(await stack.running.services.pruner.run()).toBe(1_201);
    const left = (await stack.query<{ id: string }>('SELECT id FROM alerts ORDER BY id')).map((r) => Number(r.id));
    expect(left).toEqual([...kept, withOrder].map((r) => Number(r.id)).sort((a, b) => a - b));
    expect(await (await fetch(`${stack.url}/metrics`)).text()).toMatch(/^tradehook_alerts_pruned_total 1201$/m);
  });

  it('shows the retention in the settings', async () => {
    expect((await stack.get('/api/admin/settings/1')).body).toMatchObject({ rejectedRetentionDays: 3 });
    expect((await stack.fetch('/api/admin/settings/1', json('PUT', { rejectedRetentionDays: 0 }))).status).toBe(400);
  });
});
