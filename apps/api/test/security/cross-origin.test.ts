import { startTestStack, originalPayload, type TestStack } from '../support/stack';

/**
 * CSRF: another origin of the same site (another port of this host) gets the admin's SameSite=Strict cookie along
 * with its request. The API must refuse any change it did not ask for from its own pages.
 */
describe('state-changing requests from another origin', () => {
  let stack: TestStack;
  let alertId: number;
  const evil = 'http://127.0.0.1:1';
  beforeAll(async () => {
    stack = await startTestStack({ env: { KILL_SWITCH: 'true' } });
    const res = await stack.post(originalPayload());
    alertId = res.body.id;
    await stack.waitFor(async () => (await stack.query('SELECT status FROM alerts WHERE id = $1', [alertId]))[0]?.status === 'refused', 'alert refused');
  });
  afterAll(() => stack.close());

  const resend = (headers: Record<string, string>, body?: string) =>
    fetch(`${stack.url}/api/admin/alerts/${alertId}/resend`, { method: 'POST', headers: { cookie: stack.cookie, ...headers }, body });
  const resends = async () => (await stack.query('SELECT count(*)::int AS n FROM alerts WHERE resend_of = $1', [alertId]))[0].n;

  it.each([
    ['a fetch from another port (Sec-Fetch-Site: same-site)', { origin: evil, 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }],
    ['a fetch from another site', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }],
    ['an older browser sending only Origin', { origin: evil, 'content-type': 'application/json' }],
    ['a sandboxed frame (Origin: null)', { origin: 'null', 'content-type': 'application/json' }],
    ['a form post from another port', { origin: evil, 'sec-fetch-site': 'same-site', 'content-type': 'application/x-www-form-urlencoded' }],
  ])('refuses %s with 403, and nothing is resent', async (_what, headers) => {
    const res = await resend(headers, '');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toMatch(/another site/);
    expect(await resends()).toBe(0);
  });

  it.each([
    ['text/plain (a no-preflight fetch or form)', 'text/plain'],
    ['multipart/form-data', 'multipart/form-data; boundary=x'],
    ['no content type', undefined],
  ])('refuses a same-origin change sent as %s with 415', async (_what, type) => {
    const res = await resend({ 'sec-fetch-site': 'same-origin', ...(type ? { 'content-type': type } : {}) }, type ? 'x' : undefined);
    expect(res.status).toBe(415);
    expect(((await res.json()) as { message: string }).message).toMatch(/Content-Type: application\/json/);
    expect(await resends()).toBe(0);
  });

  it('refuses a login from another origin too (login CSRF)', async () => {
    const res = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST', headers: { origin: evil, 'sec-fetch-site': 'same-site', 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'x' }),
    });
    expect(res.status).toBe(403);
  });

  it('accepts the app\'s own pages (same-origin, JSON) and non-browser clients (no Origin)', async () => {
    expect((await resend({ 'sec-fetch-site': 'same-origin', origin: stack.url, 'content-type': 'application/json' })).status).toBe(200);
    expect(await resends()).toBe(1);
    const own = await fetch(`${stack.url}/api/admin/settings/1`, {
      method: 'PUT', headers: { cookie: stack.cookie, origin: stack.url, 'content-type': 'application/json' }, body: '{"killSwitch":true}',
    });
    expect(own.status).toBe(200);
  });

  it('leaves the webhook open to TradingView (no Origin, text/plain)', async () => {
    const res = await stack.post(JSON.stringify(originalPayload({ alertId: 'csrf-webhook' })), 'text/plain');
    expect(res.status).toBe(200);
  });
});

describe('served over HTTPS (PUBLIC_URL https)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { PUBLIC_URL: 'https://tradehook.example.com' } });
  });
  afterAll(() => stack.close());

  it('sets a __Host- prefixed, Secure, HttpOnly, SameSite=Strict session cookie and HSTS', async () => {
    const res = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin-password-for-tests' }),
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-th_session=/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).not.toMatch(/Domain=/);
    const me = await fetch(`${stack.url}/api/auth/me`, { headers: { cookie: cookie.split(';')[0] } });
    expect(me.status).toBe(200);
    const page = await fetch(`${stack.url}/api/auth/me`);
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  });

  it('trusts its public origin for changes', async () => {
    const res = await stack.fetch('/api/auth/logout', { method: 'POST', headers: { origin: 'https://tradehook.example.com', 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(204);
  });
});
