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
    await ibOrderIdOf(app(), (await postAlert(app(), { quantity: 10 })).body.id);
    // Its row carries a long reason.
    await postAlert(app(), { secmgs: 'not-the-secret' });
  });

  it('puts the trade tables side by side at 1280 px', async () => {
    const { recent, consolidated } = await tradeBoxes(await app().open('/trades', DESKTOP));
    expect(consolidated.x).toBeGreaterThanOrEqual(recent.x + recent.width);
    expect(Math.abs(consolidated.y - recent.y)).toBeLessThan(1);
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

  const everyPageAtBothSizes = ['/', '/requests', '/trades', '/guide'].flatMap((path) => [[path, PHONE], [path, DESKTOP]] as const);
  it.each(everyPageAtBothSizes)('never scrolls %s sideways at %o', async (path, viewport) => {
    expect(await pageOverflow(await app().open(path, viewport))).toBeLessThanOrEqual(0);
  });
});
