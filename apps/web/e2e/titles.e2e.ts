import { useApp } from './support/app';

const app = useApp();

describe('page titles', () => {
  it('names each page, whether loaded directly or reached through the navigation', async () => {
    const page = await app().open('/nothing-here');
    expect(await page.title()).toBe('Not found · Tradehook');

    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [link, title] of [
      ['Home', 'Home · Tradehook'],
      ['Alerts', 'Alerts · Tradehook'],
      ['Trades', 'Trades · Tradehook'],
      ['Positions', 'Positions · Tradehook'],
      ['Webhook guide', 'Webhook guide · Tradehook'],
    ]) {
      await nav.getByRole('link', { name: link, exact: true }).click();
      await page.waitForFunction((t) => document.title === t, title, { timeout: 5000 });
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.title()).toBe(title);
    }
  });
});
