import { ibOrderIdOf, postAlert, useApp } from './support/app';
import { readTable, tableNamed } from './support/read';
import { saveScreenshot } from './support/screenshots';

const app = useApp();

describe('an alert becomes an order and its fills, shown live', () => {
  it('shows the executions on an open /trades page without Refresh, then the alert and its order on /requests', async () => {
    const trades = await app().open('/trades');
    const recent = tableNamed(trades, 'Recent trades');
    const consolidated = tableNamed(trades, 'Consolidated trades');
    // Loaded (and empty) before the alert exists: anything that appears later came over the live stream.
    await recent.getByText('No executions yet.').waitFor({ timeout: 10_000 });
    await consolidated.getByText('No orders filled yet.').waitFor({ timeout: 10_000 });
    let reloads = 0;
    trades.on('framenavigated', () => reloads++);

    const { status, body } = await postAlert(app(), { quantity: 10 });
    expect({ status, body }).toEqual({ status: 200, body: { id: expect.any(Number), status: 'accepted' } });
    const orderId = String(await ibOrderIdOf(app(), body.id));

    // The simulator fills 10 in two partial fills of 5: two executions, one consolidated trade.
    const fills = await app().stack.waitFor(async () => {
      const rows = (await readTable(recent)).filter((r) => r['Order ID'] === orderId);
      return rows.length === 2 && rows;
    }, 'both executions on /trades');
    expect(fills.map((r) => [r.Symbol, r.Quantity, r['Cum Qty']]).sort()).toEqual([['AAPL', '5', '10'], ['AAPL', '5', '5']]);
    const trade = await app().stack.waitFor(async () => {
      const rows = (await readTable(consolidated)).filter((r) => r['Order ID'] === orderId);
      return rows.length === 1 && rows[0]['Cum Qty'] === '10' && rows[0];
    }, 'the consolidated trade at Cum Qty 10 on /trades');
    expect(trade).toMatchObject({ Symbol: 'AAPL', 'Avg Price': '190', Direction: '▲ Buy', Slippage: '0' });
    expect(reloads).toBe(0);
    await saveScreenshot(trades, 'trades');

    const requests = await app().open('/requests');
    const alerts = tableNamed(requests, 'Alerts, newest first');
    const [row] = await app().stack.waitFor(async () => (await readTable(alerts)).filter((r) => r.ID === String(body.id)), 'the alert on /requests');
    expect(row).toMatchObject({ Symbol: 'AAPL', Quantity: '10', Status: 'placed', Order: `#${orderId} filled`, Filled: '10', 'Avg fill': '190' });
  });
});
