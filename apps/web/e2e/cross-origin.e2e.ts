import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { originalPayload } from '../../api/test/support/stack';
import { startApp, type App } from './support/app';

/**
 * CSRF, tried by a real browser: a page on another port of the same host (the same *site*, so the admin's
 * SameSite=Strict cookie goes along) tries every way a page can send a POST without asking. None may act.
 */
describe('a page on another origin of the same host', () => {
  let app: App;
  let evil: http.Server;
  let evilUrl: string;
  let alertId: number;

  beforeAll(async () => {
    app = await startApp();
    const { stack } = app;
    await stack.fetch('/api/admin/settings/1', { method: 'PUT', body: JSON.stringify({ killSwitch: true }) });
    alertId = (await stack.post(originalPayload({ alertId: 'csrf-e2e' }))).body.id;
    await stack.waitFor(async () => (await stack.query('SELECT status FROM alerts WHERE id = $1', [alertId]))[0]?.status === 'refused', 'refused');
    const target = `${stack.url}/api/admin/alerts/${alertId}/resend`;
    // Each attack a page can make without a CORS preflight, plus one that needs it (JSON), all with the cookie.
    const page = `<!doctype html><title>evil</title><body>
      <form id="f" method="POST" action="${target}" enctype="text/plain" target="sink"><input name='{"a":"' value='"}'></form>
      <form id="g" method="POST" action="${target}" target="sink2"></form>
      <iframe name="sink"></iframe><iframe name="sink2"></iframe>
      <script>
        document.getElementById('f').submit();
        document.getElementById('g').submit();
        const sent = [
          fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: '{}' }),
          fetch(${JSON.stringify(target)}, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' }),
        ].map((p) => p.then(() => 'sent', () => 'blocked'));
        Promise.all(sent).then((r) => { document.title = 'done ' + r.join(','); });
      </script></body>`;
    evil = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await app?.close();
    evil?.closeAllConnections();
    await new Promise((resolve) => evil?.close(resolve));
  });

  it('cannot resend an alert with the admin\'s cookie: forms and fetches are refused', async () => {
    const page = await app.browser.newPage();
    await page.goto(evilUrl);
    await page.waitForFunction(() => document.title.startsWith('done'), undefined, { timeout: 10_000 });
    await page.waitForTimeout(500); // the form posts land in their frames
    const resends = await app.stack.query('SELECT count(*)::int AS n FROM alerts WHERE resend_of = $1', [alertId]);
    expect(resends[0].n).toBe(0);
    // The requests did reach the API (the browser sent them with the cookie) and were refused there.
    const refused = app.stack.logs.filter((l) => l.includes(`/api/admin/alerts/${alertId}/resend`) && /"statusCode":(403|415)/.test(l));
    expect(refused.length).toBeGreaterThanOrEqual(2);
  });

  it('while the console itself still resends it', async () => {
    const res = await app.stack.fetch(`/api/admin/alerts/${alertId}/resend`, { method: 'POST', headers: { 'sec-fetch-site': 'same-origin' } });
    expect(res.status).toBe(200);
  });
});
