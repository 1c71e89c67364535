import { useApp } from './support/app';

const app = useApp();

describe('IB connection banner', () => {
  it('tells the trader, on any page, while IB is down, and goes away once it reconnects', async () => {
    const page = await app().open('/trades');
    const banner = page.getByRole('alert').filter({ hasText: 'Interactive Brokers is not connected' });
    expect(await banner.count()).toBe(0);

    const restart = app().stack.sim.restart(4000);
    await banner.waitFor({ state: 'visible', timeout: 4000 });
    // The reason IB gave reads as its own sentence before the next one.
    expect(await banner.innerText()).toMatch(/not connected \(\w+\)\. [A-Z][^\n]*[.!?] Alerts are still stored/);
    await restart;
    await banner.waitFor({ state: 'detached', timeout: 20_000 });
  });
});
