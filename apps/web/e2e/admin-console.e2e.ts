import type { Page } from 'playwright-core';
import { ADMIN } from '../../api/test/support/stack';
import { ibOrderIdOf, postAlert, useApp } from './support/app';
import { readTable, tableNamed } from './support/read';
import { saveScreenshot } from './support/screenshots';

/**
 * The console as an admin and a viewer use it, against the real API. The browser starts signed out; the tests run
 * in order and build on each other: the first signs in (the console tests use that session), the second creates
 * the strategy and the secret the third posts with.
 */
const app = useApp({ signedIn: false });

const STRATEGY = 'E2E Strategy';
/** The strategy's secret, as the one-time dialog showed it. */
let strategySecret = '';

/**
 * A new tab at `pathname`, without waiting for the trader pages' heading or event stream (the console has neither);
 * every action and wait in it gives up after 10 s.
 */
async function visit(pathname: string): Promise<Page> {
  const page = await app().browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${app().stack.url}${pathname}`);
  return page;
}

/** Signs in through the login page it is on; resolves once the app has gone to `next`. */
async function signIn(page: Page, username: string, password: string, next: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in to Tradehook' });
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${app().stack.url}${next}`, { timeout: 10_000 });
}

/** The console's strategies list, once its row for STRATEGY shows. */
async function strategiesList(page: Page) {
  await page.waitForURL(/\/admin\/strategies$/, { timeout: 10_000 });
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: STRATEGY, exact: true }) });
  // A loaded 2-core CI machine renders the console's list slowly (it shows the cached list, then refetches).
  await row.waitFor({ timeout: 20_000 });
  return row;
}

/**
 * What a signed-out browser is rightly answered 401 (and logs as a failed load): the console's session check, the
 * live-event stream the app keeps retrying until it has a session, and a refused sign-in. Anything else is a problem.
 */
const SIGNED_OUT_REFUSAL =
  /: (GET \S+\/api\/events|GET \S+\/api\/auth\/me|POST \S+\/api\/auth\/login) → 401$|: console Failed to load resource: the server responded with a status of 401 \(Unauthorized\)$/;

/** Takes the problems logged so far, all of which must be refusals of a signed-out browser. */
function takeSignedOutRefusals(): string[] {
  const problems = app().browser.problems.splice(0);
  expect(problems.filter((problem) => !SIGNED_OUT_REFUSAL.test(problem))).toEqual([]);
  return problems;
}

/** The state an alert ended in (anything but `accepted`), as the API tells it. */
const decided = (alertId: number) =>
  app().stack.waitFor(async () => {
    const { body } = await app().stack.get(`/api/alerts/${alertId}`);
    return body.status !== 'accepted' && body;
  }, `alert ${alertId} decided`);

describe('admin console', () => {
  it('signs in through the login page: a wrong password is refused there, the right one goes to ?next=', async () => {
    const next = '/admin/strategies';
    const page = await visit(`/login?next=${encodeURIComponent(next)}`);
    const form = page.getByRole('form', { name: 'Sign in to Tradehook' });
    await form.getByLabel('Username').fill(ADMIN.username);
    await form.getByLabel('Password').fill('not-the-password');
    await form.getByRole('button', { name: 'Sign in' }).click();
    const error = form.getByRole('alert');
    await error.waitFor({ timeout: 5000 });
    expect(await error.innerText()).toBe('Wrong username or password.');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(takeSignedOutRefusals()).toContainEqual(expect.stringMatching(/POST \S+\/api\/auth\/login → 401$/));

    await signIn(page, ADMIN.username, ADMIN.password, next);
    await page.getByRole('link', { name: 'Create' }).waitFor({ timeout: 10_000 });
    expect(await form.count()).toBe(0);
    takeSignedOutRefusals();
  });

  it('creates a strategy, shows its secret once, and edits its max quantity', async () => {
    const { stack, browser } = app();
    const page = await visit('/admin/strategies');
    // The way back to the trader pages is in the console's menu.
    expect(await page.getByRole('link', { name: '← Trader pages' }).getAttribute('href')).toBe('/trades');
    expect(await page.title()).toBe('Strategies · Admin · Tradehook');
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByLabel('Name').fill(STRATEGY);
    await page.getByRole('button', { name: 'Save' }).click();

    const dialog = page.getByRole('dialog', { name: `Secret for “${STRATEGY}”` });
    await dialog.waitFor({ timeout: 10_000 });
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.url });
    await dialog.getByRole('button', { name: 'Copy secret' }).click();
    await dialog.getByText('Copied', { exact: true }).waitFor({ timeout: 5000 });
    strategySecret = await page.evaluate(() => navigator.clipboard.readText());
    expect(strategySecret).toMatch(/^[\w-]{32}$/); // 24 random bytes, base64url
    expect(await dialog.innerText()).toContain(strategySecret);
    await saveScreenshot(page, 'admin-secret-dialog');
    await dialog.getByRole('button', { name: 'I have stored it' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Created (the page went on to the new strategy), with its own secret and no limit yet.
    await page.waitForURL(/\/admin\/strategies\/\d+\/show$/, { timeout: 10_000 });
    const id = Number(new URL(page.url()).pathname.split('/')[3]);
    expect((await stack.get(`/api/admin/strategies/${id}`)).body).toMatchObject({ name: STRATEGY, hasSecret: true, maxQuantity: null });

    await page.getByRole('link', { name: 'Edit' }).click();
    const maxQuantity = page.getByLabel('Max quantity per order');
    await maxQuantity.fill('5');
    const saved = page.waitForResponse((res) => res.request().method() === 'PUT' && new URL(res.url()).pathname === `/api/admin/strategies/${id}`);
    await page.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    await page.waitForURL(`${stack.url}/admin/strategies/${id}/show`, { timeout: 10_000 });
    expect(await stack.query('SELECT name, max_quantity::text AS "maxQuantity" FROM strategies')).toEqual([
      { name: STRATEGY, maxQuantity: '5' },
    ]);

    await page.getByRole('menuitem', { name: 'Strategies' }).click();
    const row = await strategiesList(page);
    await row.getByRole('cell', { name: '5', exact: true }).waitFor({ timeout: 5000 });
    await saveScreenshot(page, 'admin-strategies');
  });

  it('refuses an alert over the strategy\'s max quantity, says why, and sends IB nothing', async () => {
    const { stack } = app();
    expect(strategySecret).not.toBe('');
    const { status, body } = await postAlert(app(), { stratName: STRATEGY, secmgs: strategySecret, quantity: 10 });
    expect({ status, body }).toEqual({ status: 200, body: { id: expect.any(Number), status: 'accepted' } });

    const alert = await decided(body.id);
    expect(alert).toMatchObject({ strategy: STRATEGY, status: 'refused', reason: 'Refused by rule "max quantity": 10 > 5', order: null });
    expect(await stack.query('SELECT count(*)::int AS n FROM orders WHERE alert_id = $1', [body.id])).toEqual([{ n: 0 }]);
    expect(stack.sim.orders.filter((o) => o.orderRef.startsWith(`TH-${body.id}-`))).toEqual([]);

    const page = await app().open('/requests');
    const [row] = await stack.waitFor(
      async () => (await readTable(tableNamed(page, 'Alerts, newest first'))).filter((r) => r.ID === String(body.id)),
      'the refused alert on /requests',
    );
    expect(row.Status).toMatch(/^refused\n.*max quantity.*10 > 5/s);
  });

  it('halts trading with the kill switch on the settings page, and resumes it', async () => {
    const { stack } = app();
    const page = await visit('/admin/settings');
    const killSwitch = page.getByRole('region', { name: 'Kill switch' });
    const save = async () => {
      const saved = page.waitForResponse((res) => res.request().method() === 'PUT' && new URL(res.url()).pathname === '/api/admin/settings/1');
      await page.getByRole('button', { name: 'Save' }).click();
      expect((await saved).status()).toBe(200);
    };

    await killSwitch.getByLabel('Kill switch off: orders are placed').check({ timeout: 10_000 });
    await killSwitch.getByLabel('Kill switch ON: no new orders').waitFor();
    await save();
    expect((await stack.get('/api/admin/settings/1')).body.killSwitch).toBe(true);

    // The global secret and a strategy the console does not know: only the kill switch stands in the way.
    const halted = await postAlert(app(), { alertId: 'kill-switch-on' });
    expect(halted.status).toBe(200);
    expect(await decided(halted.body.id)).toMatchObject({
      strategy: 'Strat Alpha', status: 'refused', reason: 'Refused by rule "kill switch": trading is halted',
    });
    expect(stack.sim.orders.filter((o) => o.orderRef.startsWith(`TH-${halted.body.id}-`))).toEqual([]);

    await killSwitch.getByLabel('Kill switch ON: no new orders').uncheck();
    await killSwitch.getByLabel('Kill switch off: orders are placed').waitFor();
    await save();
    expect((await stack.get('/api/admin/settings/1')).body.killSwitch).toBe(false);
    // Trading again, for the configured strategy (an unknown one is refused once any strategy exists).
    await ibOrderIdOf(app(), (await postAlert(app(), { stratName: STRATEGY, secmgs: strategySecret, alertId: 'kill-switch-off' })).body.id);
  });

  it('shows a viewer the strategies without create, edit or delete buttons', async () => {
    const { stack, browser } = app();
    await stack.running.services.users.upsert('viewer1', 'viewer-password-1', 'viewer');
    await browser.context.clearCookies();
    const next = '/admin/strategies';
    const page = await visit(`/login?next=${encodeURIComponent(next)}`);
    await signIn(page, 'viewer1', 'viewer-password-1', next);

    const row = await strategiesList(page);
    takeSignedOutRefusals();
    // react-admin decides who may create before it asks for the rows (from the user it already holds): with the
    // rows shown, a missing button is missing for good.
    expect(await page.getByRole('link', { name: 'Create' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);

    // Its page reads the same way: nothing to change.
    await row.click();
    await page.waitForURL(/\/admin\/strategies\/\d+\/show$/, { timeout: 10_000 });
    // The buttons wait for the record, which arrives after the viewer's rights are known.
    await page.getByText('Own secret set (shown only when created or rotated)').waitFor({ timeout: 10_000 });
    for (const [role, name] of [['link', 'Edit'], ['button', 'Delete'], ['button', 'Rotate secret']] as const) {
      expect(await page.getByRole(role, { name }).count()).toBe(0);
    }
  });
});
