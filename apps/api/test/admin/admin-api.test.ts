import simpleRestProvider from 'ra-data-simple-rest';
import { ADMIN, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let viewerCookie: string;
beforeAll(async () => {
  stack = await startTestStack();
  await stack.running.services.users.upsert('viewer', 'viewer-password-1', 'viewer');
  viewerCookie = await stack.login('viewer', 'viewer-password-1');
});
afterAll(() => stack.close());

/** ra-data-simple-rest itself, unmodified, talking to the API with a session cookie. */
function dataProvider(cookie: string) {
  const httpClient = async (url: string, options: { method?: string; body?: string; headers?: Headers } = {}) => {
    const headers = new Headers(options.headers);
    headers.set('cookie', cookie);
    headers.set('content-type', 'application/json');
    const res = await fetch(url, { method: options.method ?? 'GET', body: options.body, headers });
    const body = await res.text();
    if (res.status >= 400) throw Object.assign(new Error(body), { status: res.status });
    return { status: res.status, headers: res.headers, body, json: body ? JSON.parse(body) : undefined };
  };
  return simpleRestProvider(`${stack.url}/api/admin`, httpClient as never);
}

const RESOURCES = ['alerts', 'orders', 'executions', 'strategies', 'contract-map', 'users', 'settings', 'audit-log'];

describe('access control', () => {
  // A read-only resource has no POST/PUT/DELETE route: that answers 404 (nothing to protect), never 2xx.
  const exists = (method: string, resource: string, path: string) =>
    stack.running.app.hasRoute({ method: method as 'GET', url: `/api/admin/${resource}${path ? '/:id' : ''}` });

  it.each(RESOURCES)('/api/admin/%s answers 401 without a session', async (resource) => {
    for (const [method, path] of [['GET', ''], ['GET', '/1'], ['POST', ''], ['PUT', '/1'], ['DELETE', '/1']]) {
      const res = await stack.fetch(`/api/admin/${resource}${path}`, {
        method, cookie: null, headers: { 'content-type': 'application/json' }, body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
      });
      expect([method, path, res.status]).toEqual([method, path, exists(method, resource, path) ? 401 : 404]);
    }
  });

  it.each(RESOURCES)('a viewer may read but not write /api/admin/%s', async (resource) => {
    const read = await stack.fetch(`/api/admin/${resource}`, { cookie: viewerCookie });
    expect(read.status).toBe(resource === 'users' ? 403 : 200);
    for (const [method, path] of [['POST', ''], ['PUT', '/1'], ['DELETE', '/1']]) {
      const res = await stack.fetch(`/api/admin/${resource}${path}`, {
        method, cookie: viewerCookie, headers: { 'content-type': 'application/json' }, body: method === 'DELETE' ? undefined : '{}',
      });
      expect([method, res.status]).toEqual([method, exists(method, resource, path) ? 403 : 404]);
    }
  });

  it('guards the trader API too, and tells who is signed in', async () => {
    expect((await stack.fetch('/api/alerts', { cookie: null })).status).toBe(401);
    expect((await stack.fetch('/api/trades/recent', { cookie: null })).status).toBe(401);
    expect((await stack.fetch('/webhook', { cookie: null, method: 'POST', body: '{}' })).status).toBe(401);
    expect(await (await stack.fetch('/api/auth/me', { cookie: viewerCookie })).json()).toMatchObject({ username: 'viewer', role: 'viewer' });
  });

  it('refuses a wrong password and sets an httpOnly, SameSite=Strict cookie on a right one', async () => {
    const bad = await fetch(`${stack.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: ADMIN.username, password: 'nope' }) });
    expect(bad.status).toBe(401);
    const good = await fetch(`${stack.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN) });
    expect(good.headers.get('set-cookie')).toMatch(/HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/i);
  });
});

describe('through ra-data-simple-rest', () => {
  it('creates a strategy, shows its secret once, lists, edits and deletes it', async () => {
    const admin = dataProvider(stack.cookie);
    const created = await admin.create('strategies', { data: { name: 'Momo', maxQuantity: '5', timeZone: 'America/New_York' } });
    const secret = (created.data as { secret?: string }).secret!;
    expect(secret).toMatch(/^[\w-]{32}$/);
    const list = await admin.getList('strategies', { pagination: { page: 1, perPage: 10 }, sort: { field: 'name', order: 'ASC' }, filter: { q: 'mo' } });
    expect(list.total).toBe(1);
    expect(list.data[0]).toMatchObject({ name: 'Momo', hasSecret: true, maxQuantity: '5' });
    expect(JSON.stringify(list.data)).not.toContain(secret);
    const one = await admin.getOne('strategies', { id: created.data.id });
    expect(JSON.stringify(one.data)).not.toContain(secret);
    await admin.update('strategies', { id: created.data.id, data: { ...one.data, enabled: false }, previousData: one.data });
    expect((await admin.getOne('strategies', { id: created.data.id })).data.enabled).toBe(false);
    await admin.delete('strategies', { id: created.data.id, previousData: one.data });
    expect((await admin.getList('strategies', { pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: {} })).total).toBe(0);
    const [{ hits }] = await stack.query(`SELECT count(*)::int AS hits FROM strategies s, audit_log l WHERE s::text LIKE $1 OR l::text LIKE $1`, [`%${secret}%`]);
    expect(hits).toBe(0);
    expect(stack.logs.join('\n')).not.toContain(secret);
  });

  it('pages and filters alerts, and answers getMany', async () => {
    for (let i = 0; i < 3; i++) await stack.post({ stratName: 'Paging', symbol: 'AAPL', price: 1, direction: 'buy', secmgs: 'wrong' });
    const admin = dataProvider(stack.cookie);
    const page = await admin.getList('alerts', { pagination: { page: 1, perPage: 2 }, sort: { field: 'id', order: 'DESC' }, filter: { strategy: 'Paging' } });
    expect(page.data).toHaveLength(2);
    expect(page.total).toBe(3);
    const many = await admin.getMany('alerts', { ids: page.data.map((a) => a.id) });
    expect(many.data.map((a) => a.id).sort()).toEqual(page.data.map((a) => a.id).sort());
  });

  it('keeps the settings as one record and records every change in the audit log', async () => {
    const admin = dataProvider(stack.cookie);
    const { data } = await admin.getOne('settings', { id: 1 });
    expect(data).toMatchObject({ id: 1, killSwitch: false, orderMaxAgeSeconds: 60, unknownStrategyPolicy: 'auto',
      globalMaxQuantity: 100, globalMaxNotional: 1_000_000 });
    await admin.update('settings', { id: 1, data: { ...data, duplicateWindowSeconds: 30 }, previousData: data });
    expect((await admin.getOne('settings', { id: 1 })).data.duplicateWindowSeconds).toBe(30);
    const audit = await admin.getList('audit-log', { pagination: { page: 1, perPage: 50 }, sort: { field: 'id', order: 'DESC' }, filter: { resource: 'settings' } });
    expect(audit.data[0]).toMatchObject({ username: 'admin', action: 'update', resource: 'settings', resourceId: '1' });
  });

  it('answers 400 for an unknown filter or sort field', async () => {
    expect((await stack.fetch('/api/admin/alerts?filter={"password_hash":"x"}')).status).toBe(400);
    expect((await stack.fetch('/api/admin/users?sort=["password_hash","ASC"]')).status).toBe(400);
  });
});
