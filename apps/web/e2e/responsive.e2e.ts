import type { Page } from 'playwright-core';
import { ibOrderIdOf, postAlert, useApp } from './support/app';
import { tableNamed } from './support/read';
import { saveScreenshot } from './support/screenshots';

const app = useApp();
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/** The boxes of the two trade tables (their scroll containers), once both show a row. */
async function tradeBoxes(page: Page) {
  const box = async (caption: string) => {
    const table = tableNamed(page, caption);
    await table.locator('tbody tr:not(.state-row)').first().waitFor({ timeout: 10_000 });
    return (await table.locator('..').boundingBox())!;
  };
  return { recent: await box('Recent trades'), consolidated: await box('Consolidated trades') };
}

const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('layout by screen width', () => {
  beforeAll(async () => {
    // A price with many decimals makes a long slippage figure, the widest cell a trader will see.
    await ibOrderIdOf(app(), (await postAlert(app(), { quantity: 10, price: 190.123456789 })).body.id);
    // Its row carries a long reason.
    await postAlert(app(), { secmgs: 'not-the-secret' });
  });

  it('puts the trade tables side by side at 1280 px, every column in view', async () => {
    const page = await app().open('/trades', DESKTOP);
    const { recent, consolidated } = await tradeBoxes(page);
    expect(consolidated.x).toBeGreaterThanOrEqual(recent.x + recent.width);
    expect(Math.abs(consolidated.y - recent.y)).toBeLessThan(1);
    // No column (Slippage last of all) hidden behind a sideways scroll inside its card.
    const hidden = await page.locator('.split .table-scroll').evaluateAll((boxes) => boxes.map((b) => b.scrollWidth - b.clientWidth));
    expect(hidden).toEqual([0, 0]);
    await saveScreenshot(page, 'trades-1280');
  });

  it('stacks them at 375 px', async () => {
    const page = await app().open('/trades', PHONE);
    const { recent, consolidated } = await tradeBoxes(page);
    expect(consolidated.y).toBeGreaterThanOrEqual(recent.y + recent.height);
    expect(consolidated.x).toBe(recent.x);
    expect(recent.x + recent.width).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, 'trades-375');
  });

  it('scrolls the alerts table sideways on a phone rather than squeezing its rows taller', async () => {
    const rowHeights = async (viewport: typeof PHONE) => {
      const rows = tableNamed(await app().open('/requests', viewport), 'Alerts, newest first').locator('tbody tr:not(.state-row)');
      await rows.nth(1).waitFor({ timeout: 10_000 });
      return rows.evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height));
    };
    const desktop = await rowHeights(DESKTOP);
    const phone = await rowHeights(PHONE);
    phone.forEach((height, i) => expect(height).toBeLessThanOrEqual(desktop[i] * 1.2));
  });

  const everyPageAtBothSizes = ['/', '/requests', '/trades', '/positions', '/guide'].flatMap((path) => [[path, PHONE], [path, DESKTOP]] as const);
  it.each(everyPageAtBothSizes)('never scrolls %s sideways at %o', async (path, viewport) => {
    expect(await pageOverflow(await app().open(path, viewport))).toBeLessThanOrEqual(0);
  });
});
