import { TRADINGVIEW_ADDRESSES } from '@tradehook/contracts';
import { openDatabase } from '../../src/db/data-source';
import { StrategyNameCase1764100004000 } from '../../src/db/migrations/1764100004000-strategy-name-case';
import { createTestDatabase } from '../support/database';
import { migrateUpTo, runSql } from '../support/migration-steps';
import { adminSend, fateOf } from '../support/admin-calls';
import { originalPayload, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ sim: { prices: { AAPL: 190, MSFT: 400 } } });
  await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
});
afterAll(() => stack.close());

const send = (method: 'POST' | 'PUT', path: string, body: unknown) => adminSend(stack, method, path, body);
const fate = (payload: Record<string, unknown>) => fateOf(stack, payload);

async function createStrategy(data: Record<string, unknown>) {
  const res = await send('POST', 'strategies', data);
  expect(res.status).toBe(201);
  return res.body;
}

describe('strategy names ignore case and surrounding spaces', () => {
  it("applies Risk1's limits to an alert for RISK1 or ' risk1 '", async () => {
    await createStrategy({ name: 'Risk1', allowedSymbols: ['AAPL'], maxQuantity: '5' });
    const symbol = await fate(originalPayload({ stratName: 'RISK1', symbol: 'MSFT', exchange: 'NASDAQ', price: 400, alertId: 'c-1' }));
    expect(symbol).toMatchObject({ status: 'refused' });
    expect(symbol.reason).toContain('"symbol not allowed"');
    const quantity = await fate(originalPayload({ stratName: ' risk1 ', symbol: 'AAPL', exchange: 'NASDAQ', price: 190, quantity: 6, alertId: 'c-2' }));
    expect(quantity.reason).toContain('"max quantity"');
  });

  it("accepts a strategy's own secret whatever the case of stratName", async () => {
    const { secret } = await createStrategy({ name: 'Keyed' });
    for (const stratName of ['Keyed', 'KEYED', ' keyed ']) {
      const res = await stack.post(originalPayload({ stratName, secmgs: secret, symbol: 'AAPL', exchange: 'NASDAQ', alertId: `k-${stratName}` }));
      expect([stratName, res.status]).toEqual([stratName, 200]);
    }
    expect((await stack.post(originalPayload({ stratName: 'KEYED', secmgs: 'not-the-secret-at-all', alertId: 'k-x' }))).status).toBe(401);
  });

  it('refuses a case variant of an existing name with 409, on create and on rename', async () => {
    const { id } = await createStrategy({ name: 'Unique1' });
    for (const name of ['unique1', 'UNIQUE1', ' Unique1 ']) {
      const res = await send('POST', 'strategies', { name });
      expect([name, res.status]).toEqual([name, 409]);
      expect(res.body.message).toContain('"Unique1" already exists');
    }
    const other = await createStrategy({ name: 'Other1' });
    expect((await send('PUT', `strategies/${other.id}`, { name: 'UNIQUE1' })).status).toBe(409);
    // Renaming a strategy to a case variant of its own name is fine.
    const renamed = await send('PUT', `strategies/${id}`, { name: 'UNIQUE1' });
    expect([renamed.status, renamed.body.name]).toEqual([200, 'UNIQUE1']);
    // The database refuses it too (two writers racing past the API's check).
    await expect(stack.query(`INSERT INTO strategies (name, name_key) VALUES ('unique1', 'unique1')`)).rejects.toMatchObject({ code: '23505' });
  });

  it('stores names trimmed and refuses a blank one', async () => {
    const created = await send('POST', 'strategies', { name: '  Padded  ' });
    expect([created.status, created.body.name]).toEqual([201, 'Padded']);
    const blank = await send('POST', 'strategies', { name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.message).toContain('name');
  });
});

describe('strategy limits are checked when written', () => {
  it('refuses a trading window with one end, naming the missing field', async () => {
    const onlyStart = await send('POST', 'strategies', { name: 'Half1', tradingWindowStart: '09:30', tradingWindowEnd: null });
    expect(onlyStart.status).toBe(400);
    expect(onlyStart.body.message).toContain('tradingWindowEnd');
    const onlyEnd = await send('POST', 'strategies', { name: 'Half2', tradingWindowEnd: '16:00' });
    expect(onlyEnd.status).toBe(400);
    expect(onlyEnd.body.message).toContain('tradingWindowStart');
    expect(await stack.query(`SELECT 1 FROM strategies WHERE name LIKE 'Half%'`)).toHaveLength(0);

    const { id } = await createStrategy({ name: 'Window', tradingWindowStart: '09:30', tradingWindowEnd: '16:00' });
    const dropEnd = await send('PUT', `strategies/${id}`, { tradingWindowEnd: null });
    expect(dropEnd.status).toBe(400);
    expect(dropEnd.body.message).toContain('tradingWindowEnd');
    expect((await send('PUT', `strategies/${id}`, { tradingWindowStart: '10:00' })).status).toBe(200);
    expect((await send('PUT', `strategies/${id}`, { tradingWindowStart: null, tradingWindowEnd: null })).status).toBe(200);
  });

  it('still lets a strategy saved with one end before this rule be switched off', async () => {
    const [{ id }] = await stack.query(`INSERT INTO strategies (name, name_key, trading_window_start) VALUES ('Legacy', 'legacy', '09:30') RETURNING id`);
    await stack.running.services.strategies.load();
    expect((await send('PUT', `strategies/${id}`, { enabled: false })).status).toBe(200);
  });

  it.each([
    ['defaultQuantity', '0'], ['defaultQuantity', '-1'], ['maxQuantity', '0'], ['maxQuantity', '-5'],
    ['maxNotional', '0.0'], ['maxNotional', '-100'], ['maxQuantity', 0], ['maxNotional', 'lots'], ['defaultQuantity', '1e3'],
  ])('refuses %s = %j with 400 naming the field', async (field, value) => {
    const tag = `${field} ${JSON.stringify(value)}`;
    const created = await send('POST', 'strategies', { name: `Bad ${tag}`, [field]: value });
    expect(created.status).toBe(400);
    expect(created.body.message).toContain(field);
    const { id } = await createStrategy({ name: `Good ${tag}` });
    const updated = await send('PUT', `strategies/${id}`, { [field]: value });
    expect(updated.status).toBe(400);
    expect(updated.body.message).toContain(field);
  });

  it('names every bad field at once, and accepts positive limits and empty ones', async () => {
    const res = await send('POST', 'strategies', { name: 'Many', defaultQuantity: '0', maxQuantity: '-1', maxNotional: '0', tradingWindowStart: '09:30' });
    expect(res.status).toBe(400);
    for (const field of ['defaultQuantity', 'maxQuantity', 'maxNotional', 'tradingWindowEnd']) expect(res.body.message).toContain(field);
    const ok = await createStrategy({ name: 'Fine', defaultQuantity: '0.5', maxQuantity: '10', maxNotional: '25000.75' });
    expect((await send('PUT', `strategies/${ok.id}`, { defaultQuantity: null, maxQuantity: null, maxNotional: null })).status).toBe(200);
  });
});

describe('the IP allowlist', () => {
  const setSettings = (data: Record<string, unknown>) => send('PUT', 'settings/1', data);

  it('refuses entries that can never match, naming them, and keeps the saved list', async () => {
    expect((await setSettings({ ipAllowlist: ['127.0.0.1'] })).status).toBe(200);
    const res = await setSettings({ ipAllowlistEnabled: true, ipAllowlist: ['127.0.0.0/8', 'garbage', '10.0.0.0/33'] });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('"garbage"');
    expect(res.body.message).toContain('"10.0.0.0/33"');
    expect(res.body.message).not.toContain('"127.0.0.0/8"');
    const [row] = await stack.query(`SELECT ip_allowlist AS list, ip_allowlist_enabled AS enabled FROM settings`);
    expect(row).toEqual({ list: ['127.0.0.1'], enabled: false });
  });

  it('lets 127.0.0.1 through a CIDR range, and keeps the TradingView preset working', async () => {
    expect((await setSettings({ ipAllowlistEnabled: true, ipAllowlist: [' 127.0.0.0/8 '] })).status).toBe(200);
    expect((await stack.query(`SELECT ip_allowlist AS list FROM settings`))[0].list).toEqual(['127.0.0.0/8']);
    expect((await stack.post(originalPayload({ alertId: 'ip-cidr' }))).status).toBe(200);
    expect((await setSettings({ ipAllowlist: ['10.0.0.0/8', '2001:db8::/32'] })).status).toBe(200);
    expect((await stack.post(originalPayload({ alertId: 'ip-outside' }))).status).toBe(403);
    expect((await setSettings({ ipAllowlist: [...TRADINGVIEW_ADDRESSES] })).status).toBe(200);
    expect((await stack.post(originalPayload({ alertId: 'ip-tv' }))).status).toBe(403);
    expect((await setSettings({ ipAllowlist: [...TRADINGVIEW_ADDRESSES, '127.0.0.1'] })).status).toBe(200);
    expect((await stack.post(originalPayload({ alertId: 'ip-tv-local' }))).status).toBe(200);
    expect((await setSettings({ ipAllowlistEnabled: false })).status).toBe(200);
  });
});

describe('the strategy-name migration', () => {
  it('stops on names that clash by case or spaces, naming them; trims and indexes once they are fixed', async () => {
    const empty = await createTestDatabase();
    try {
      await migrateUpTo(empty.url, StrategyNameCase1764100004000, `INSERT INTO strategies (name) VALUES ('Risk1'), ('risk1'), (' Solo ')`);

      await expect(openDatabase({ url: empty.url })).rejects.toThrow(/'Risk1' \(id 1\) \/ 'risk1' \(id 2\)/);

      await runSql(empty.url, `UPDATE strategies SET name = 'risk1 old' WHERE id = 2`);
      const db = await openDatabase({ url: empty.url });
      expect((await db.query(`SELECT name FROM strategies ORDER BY id`)).map((r: { name: string }) => r.name)).toEqual(['Risk1', 'risk1 old', 'Solo']);
      await expect(db.query(`INSERT INTO strategies (name, name_key) VALUES ('RISK1', 'risk1')`)).rejects.toMatchObject({ code: '23505' });
      await db.destroy();
    } finally {
      await empty.drop();
    }
  });
});
