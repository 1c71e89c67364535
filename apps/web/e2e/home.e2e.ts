import { ibOrderIdOf, postAlert, useApp } from './support/app';
import { readDefinitions, readTable, tableNamed } from './support/read';
import { saveScreenshot } from './support/screenshots';

const app = useApp();

describe('home page', () => {
  it('shows the IB connection, today\'s counts, the latest alerts and a curl for this server\'s webhook', async () => {
    const placed = await postAlert(app(), { quantity: 10 });
    const rejected = await postAlert(app(), { secmgs: 'not-the-secret' });
    expect([placed.status, rejected.status]).toEqual([200, 401]);
    await ibOrderIdOf(app(), placed.body.id);

    const page = await app().open('/');
    const ib = page.getByRole('region', { name: 'Interactive Brokers' });
    // The stack talks to a Gateway address (IB_HOST), so the mode is paper, not the built-in simulator.
    const state = await ib.locator('.state').innerText({ timeout: 10_000 });
    expect(state.replace(/\s+/g, ' ').trim()).toBe('Connected Paper trading');
    expect(await readDefinitions(ib.locator('dl'))).toMatchObject({
      Account: 'DU1234567',
      Gateway: `127.0.0.1:${app().stack.sim.port} · client 7`,
    });

    const today = page.getByRole('region', { name: 'Today' });
    const counts = await app().stack.waitFor(async () => {
      const c = await readDefinitions(today.locator('dl'));
      return c.Fills === '2' && c;
    }, 'both fills counted on the home page');
    expect(counts).toEqual({ 'Alerts accepted': '1', Rejected: '1', Duplicates: '0', Orders: '1', Fills: '2' });

    const latest = await app().stack.waitFor(async () => {
      const rows = await readTable(tableNamed(page, 'The 5 most recent alerts'));
      return rows[1]?.Filled === '10' && rows;
    }, 'the filled alert among the latest');
    // Newest first; a rejected request is listed too (its 401 reply carries no id).
    expect(latest.map((r) => [r.Symbol, r.Status.split('\n')[0]])).toEqual([['AAPL', 'rejected'], ['AAPL', 'placed']]);
    expect(latest[1]).toMatchObject({ ID: String(placed.body.id), Quantity: '10', Filled: '10' });

    // The simulator's paper account: its values in its currency, and today's P&L signed.
    const account = page.getByRole('region', { name: /Account DU1234567/ });
    const values = await app().stack.waitFor(async () => {
      const v = await readDefinitions(account.locator('dl').first());
      return v['Net liquidation']?.endsWith(' USD') && v;
    }, 'the account values on the home page');
    expect(Object.keys(values)).toEqual(['Net liquidation', 'Available funds', 'Buying power']);
    expect(Object.values(values).every((v) => /^[\d,]+\.\d{2} USD$/.test(v))).toBe(true);
    expect(await account.innerText()).toMatch(/Paper[\s\S]*Daily P&L[\s\S]*As of /);

    const curl = await page.getByRole('region', { name: 'Send your first webhook' }).locator('pre').innerText();
    expect(curl).toContain(`curl -X POST '${app().stack.url}/webhook'`);
    expect(curl).toContain('"secmgs":"your_secret_message"');
    await saveScreenshot(page, 'home');
  });
});
