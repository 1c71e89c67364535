import type { Page } from 'playwright-core';
import { postAlert, useApp } from './support/app';
import { readTable, tableNamed } from './support/read';

const app = useApp();

/**
 * What the browser tells a tab sent to the background, and back. Headless Chromium shows every tab at once, so
 * the test says it: the app only sees document.visibilityState and the visibilitychange event.
 */
async function setVisible(page: Page, visible: boolean): Promise<void> {
  await page.evaluate((state) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  }, visible ? 'visible' : 'hidden');
}

describe('many tabs', () => {
  it('lets a seventh tab load when six are in the background, and a tab brought back catches up', async () => {
    // Over HTTP/1.1 the browser allows 6 connections per server for all tabs; each visible tab streams events.
    const tabs: Page[] = [];
    for (let i = 0; i < 6; i++) {
      const tab = await app().open(i === 0 ? '/requests' : '/');
      await setVisible(tab, false);
      tabs.push(tab);
    }
    const seventh = await app().open('/guide');
    expect(await seventh.title()).toBe('Webhook guide · Tradehook');
    await seventh.close();

    // Events while hidden are not streamed to the tab; in front again it refreshes what it missed.
    const alerts = tableNamed(tabs[0], 'Alerts, newest first');
    expect(await readTable(alerts)).toEqual([]);
    // A rejected request: one event only, no order or fills whose later events would refresh the tab anyway.
    expect((await postAlert(app(), { secmgs: 'not-the-secret' })).status).toBe(401);
    await setVisible(tabs[0], true);
    await app().stack.waitFor(async () => (await readTable(alerts))[0]?.Status.startsWith('rejected'), 'the missed alert, once in front');
  });
});
