import { postAlert, useApp } from './support/app';
import { readTable, tableNamed } from './support/read';
import { saveScreenshot } from './support/screenshots';

const app = useApp();

describe('alerts page', () => {
  it('filters by status (kept in the URL) and deletes an alert only after confirmation', async () => {
    const accepted = await postAlert(app(), { alertId: 'good-1' });
    const rejected = await postAlert(app(), { secmgs: 'not-the-secret', symbol: 'MSFT' });
    expect([accepted.status, rejected.status]).toEqual([200, 401]);

    const page = await app().open('/requests');
    const table = tableNamed(page, 'Alerts, newest first');
    await app().stack.waitFor(async () => (await readTable(table)).length === 2, 'both alerts listed');
    await saveScreenshot(page, 'requests');

    await page.getByLabel('Status').selectOption('rejected');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL('**/requests?status=rejected');
    const [row] = await app().stack.waitFor(async () => {
      const rows = await readTable(table);
      return rows.length === 1 && rows[0].Symbol === 'MSFT' && rows;
    }, 'only the rejected alert');
    expect(row.Status).toMatch(/^rejected\n.*secret does not match/s);
    const id = row.ID;

    // Cancel keeps it.
    await page.getByRole('button', { name: `Delete alert ${id}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this alert?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(`Alert #${id} (Strat Alpha · MSFT) will be removed`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await app().stack.get(`/api/alerts/${id}`)).status).toBe(200);

    // Confirming deletes it: gone from the page and from the API.
    await page.getByRole('button', { name: `Delete alert ${id}` }).click();
    await dialog.getByRole('button', { name: 'Delete alert' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await table.getByText('No alerts match these filters on this page.').waitFor({ timeout: 10_000 });
    expect((await app().stack.get(`/api/alerts/${id}`)).status).toBe(404);

    // Back leaves the filtered view for the unfiltered one, inputs included.
    await page.goBack();
    await page.waitForURL('**/requests');
    expect(await page.getByLabel('Status').inputValue()).toBe('');
    const remaining = await app().stack.waitFor(async () => {
      const rows = await readTable(table);
      return rows.length === 1 && rows;
    }, 'the accepted alert alone, unfiltered');
    expect(remaining[0].ID).toBe(String(accepted.body.id));
  });
});
