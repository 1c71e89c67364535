import type { Locator } from 'playwright-core';
import { postAlert, STOCK, useApp } from './support/app';
import { readTable, tableNamed } from './support/read';
import { saveScreenshot } from './support/screenshots';

const app = useApp();

/** The positions table's rows keyed by their first cell ("AAPL STK · DU1234567", "↳ Strat Alpha"). */
async function rowsByName(table: Locator) {
  const rows = await readTable(table);
  return Object.fromEntries(rows.map((r) => [r['Contract / strategy'], r]));
}

describe('positions, live', () => {
  it('shows a fill at IB and in its strategy without reload, then a manual trade at IB as drift, repaired by a sync', async () => {
    const page = await app().open('/positions');
    const table = tableNamed(page, 'Positions');
    // Loaded (and empty) before anything trades: what appears later came over the live stream.
    await table.getByText(/No positions yet/).waitFor({ timeout: 10_000 });
    let reloads = 0;
    page.on('framenavigated', () => reloads++);

    expect((await postAlert(app(), { quantity: 10 })).status).toBe(200);
    const contract = `${STOCK.symbol} STK · DU1234567`;
    const filled = await app().stack.waitFor(async () => {
      const rows = await rowsByName(table);
      return rows[contract]?.Quantity === '10' && rows['↳ Strat Alpha']?.Quantity === '10' && rows;
    }, 'IB and Strat Alpha holding 10 on /positions', 15_000);
    expect(filled[contract]).toMatchObject({ Ccy: 'USD' });
    expect(filled['↳ Strat Alpha']).toMatchObject({ 'Avg price': '190.00' });
    expect(await page.locator('.drift-row').count()).toBe(0);

    // Bought by hand in TWS: IB holds 13, the strategies still 10.
    app().stack.sim.manualTrade({ symbol: STOCK.symbol, quantity: 3 });
    const drift = page.locator('.drift-row');
    await drift.waitFor({ timeout: 20_000 });
    expect((await drift.innerText()).replace(/\s+/g, ' ')).toMatch(/^Drift: IB holds 13, the strategies 10 — difference \+3 since .+ Sync to target$/);
    expect((await rowsByName(table))[contract].Quantity).toBe('13');
    await saveScreenshot(page, 'positions-drift');

    await page.getByRole('button', { name: `Sync ${STOCK.symbol} to the strategies` }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.innerText()).toContain('SELL 3 at market');
    await dialog.getByRole('button', { name: 'Send' }).click();
    const outcome = page.getByRole('status', { name: 'Action sent' });
    await outcome.getByText(/Alert #\d+ · Tradehook admin · SYNC/).waitFor({ timeout: 10_000 });
    await drift.waitFor({ state: 'detached', timeout: 20_000 });
    await app().stack.waitFor(async () => (await rowsByName(table))[contract]?.Quantity === '10', 'IB back to 10', 15_000);
    await outcome.getByText('placed').waitFor({ timeout: 10_000 });
    expect(reloads).toBe(0);
  });
});
