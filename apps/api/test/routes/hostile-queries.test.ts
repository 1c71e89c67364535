import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

const RESOURCES = ['alerts', 'orders', 'executions', 'strategies', 'contract-map', 'users', 'settings', 'audit-log'];
/** Names every object has through its prototype: none of them is a field. */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

async function getJson(path: string): Promise<{ status: number; body: any }> {
  const res = await stack.fetch(path);
  const text = await res.text();
  return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

const list = (resource: string, params: Record<string, string>) =>
  getJson(`/api/admin/${resource}?${new URLSearchParams(params)}`);

describe('list parameters accept only own keys', () => {
  it.each(RESOURCES)('/api/admin/%s answers 400 naming the field, never 500', async (resource) => {
    for (const name of PROTOTYPE_NAMES) {
      const sorted = await list(resource, { sort: JSON.stringify([name, 'ASC']) });
      expect([name, sorted.status, sorted.body.message]).toEqual([name, 400, expect.stringContaining(`cannot sort by "${name}"`)]);
      // Written out, not JSON.stringify'd: {"__proto__": …} must arrive as that text (JSON.parse makes it an own key).
      const filtered = await list(resource, { filter: `{"${name}":1}` });
      expect([name, filtered.status, filtered.body.message]).toEqual([name, 400, expect.stringContaining(`cannot filter by "${name}"`)]);
    }
    expect((await list(resource, { filter: '{"__proto__":{}}' })).status).toBe(400);
    expect((await list(resource, { filter: '{"constructor":{"prototype":{}}}' })).status).toBe(400);
  });

  it.each([
    ['sort', '5', 'sort must be'], ['sort', '[]', 'sort must be'], ['sort', '{}', 'sort must be'], ['sort', '"id"', 'sort must be'],
    ['sort', '[{"toString":1},"ASC"]', 'cannot sort by'], ['sort', '["id",{}]', 'sort order'],
    ['range', '"0-9"', 'range must be'], ['range', '{}', 'range must be'], ['range', '[0]', 'range must be'],
    ['filter', '5', 'filter must be'], ['filter', '[1]', 'filter must be'], ['filter', '"status"', 'filter must be'],
  ])('%s=%s is a 400 (%s…), not a crash', async (param, value, message) => {
    for (const resource of ['alerts', 'users']) {
      const res = await list(resource, { [param]: value });
      expect([resource, res.status, res.body.message]).toEqual([resource, 400, expect.stringContaining(message)]);
    }
  });

  it('a body field named after a prototype property writes nothing and breaks nothing', async () => {
    for (const [path, body] of [
      ['/api/admin/settings/1', '{"constructor":1,"killSwitch":false}'],
      ['/api/admin/contract-map', '{"constructor":"x","toString":"y","tvSymbol":"PROTO","symbol":"P","secType":"STK","exchange":"SMART","currency":"USD"}'],
    ]) {
      const res = await stack.fetch(path, { method: path.endsWith('/1') ? 'PUT' : 'POST', headers: { 'content-type': 'application/json', origin: stack.url }, body });
      expect([path, res.status < 500]).toEqual([path, true]);
    }
  });

  it('still sorts and filters by real fields', async () => {
    const res = await list('alerts', { sort: '["id","ASC"]', filter: '{"status":["accepted","rejected"]}', range: '[0,9]' });
    expect(res.status).toBe(200);
  });
});

describe('NUL in a query string', () => {
  const PATHS = [
    '/api/alerts?symbol=%00', '/api/alerts?strategy=a%00b&status=accepted', '/api/alerts?limit=5&x=%00',
    '/api/alerts/1?x=%00', '/api/trades/recent?limit=%00', '/api/trades/consolidated?y=1&y=%00', '/api/status?x=%00',
    '/api/auth/me?x=%00', '/api/admin/alerts?filter=%7B%22symbol%22%3A%22%00%22%7D', '/api/admin/alerts?sort=%5B%22id%00%22%2C%22ASC%22%5D',
    '/api/admin/alerts?a%00b=1', ...RESOURCES.map((r) => `/api/admin/${r}?range=%00`),
  ];

  it.each(PATHS)('%s → 400 naming the parameter', async (path) => {
    const res = await getJson(path);
    expect([res.status, res.body.message]).toEqual([400, expect.stringMatching(/query parameter .* contains a NUL character/)]);
  });

  it.each(RESOURCES)('a JSON-escaped \\u0000 inside an /api/admin/%s filter → 400', async (resource) => {
    for (const filter of ['{"q":"a\\u0000"}', '{"id":"\\u0000"}', '{"id":["1","\\u0000"]}']) {
      const res = await list(resource, { filter });
      expect([filter, res.status, res.body.message]).toEqual([filter, 400, expect.stringContaining('NUL character')]);
    }
  });

  it('anonymous requests are still refused as such, and the webhook without a query is untouched', async () => {
    expect((await stack.fetch('/api/alerts?symbol=%00', { cookie: null })).status).toBe(401);
    expect((await stack.post({})).status).toBe(401);
  });
});

describe('query parameters stay out of the logs', () => {
  const SECRET = 'SECRETVALUE-q7Zk';
  const mentions = () => stack.logs.filter((line) => line.includes(SECRET));

  it('a request that fails with a 500 logs the error without the query string or the values bound to its SQL', async () => {
    await stack.query('ALTER TABLE audit_log RENAME TO audit_log_away');
    try {
      const res = await getJson(`/api/admin/audit-log?token=${SECRET}&filter=${encodeURIComponent(JSON.stringify({ username: SECRET }))}`);
      expect(res.status).toBe(500);
    } finally {
      await stack.query('ALTER TABLE audit_log_away RENAME TO audit_log');
    }
    const failure = await stack.waitFor(async () => stack.logs.find((line) => line.includes('request failed')), 'the error log line');
    expect(failure).toContain('audit_log'); // the error itself is still there to diagnose
    expect(mentions()).toEqual([]);
  });

  it('validation failures, unknown routes and refused parameters log no query either', async () => {
    for (const path of [`/api/trades/recent?limit=${SECRET}`, `/api/nope?token=${SECRET}`, `/api/alerts?token=${SECRET}%00`,
      `/api/admin/alerts?sort=["${SECRET}","ASC"]`, `/api/alerts?status=${SECRET}`]) {
      expect((await stack.fetch(path)).status).toBeGreaterThanOrEqual(400);
    }
    expect((await stack.fetch(`/api/alerts?token=${SECRET}`, { cookie: null })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 100)); // the onResponse log lines
    expect(stack.logs.some((line) => line.includes('/api/trades/recent'))).toBe(true);
    expect(mentions()).toEqual([]);
  });

  it('a request logged whole (as Fastify does for a 5xx) shows its path only', () => {
    stack.running.app.log.error({ req: { method: 'GET', url: `/api/alerts?token=${SECRET}`, ip: '10.0.0.1' } }, 'probe');
    expect(stack.logs.find((line) => line.includes('"probe"'))).toContain('"url":"/api/alerts"');
    expect(mentions()).toEqual([]);
  });
});
