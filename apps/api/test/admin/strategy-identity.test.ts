import type { UnknownStrategy } from '@tradehook/contracts';
import { openDatabase } from '../../src/db/data-source';
import { StrategyIdentity1764100005000 } from '../../src/db/migrations/1764100005000-strategy-identity';
import { adminSend, fateOf } from '../support/admin-calls';
import { createTestDatabase } from '../support/database';
import { migrateUpTo, runSql } from '../support/migration-steps';
import { originalPayload, startTestStack, type TestStack } from '../support/stack';

// Issue 10, item 3: a strategy name that looks like Risk 1 is Risk 1 or is refused — never an unknown strategy that
// trades with the global secret and none of Risk 1's limits. Tests run in order: the first sees a fresh install.
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ sim: { prices: { AAPL: 190, MSFT: 400 } } });
  await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
});
afterAll(() => stack.close());

const send = (method: 'POST' | 'PUT', path: string, body: unknown) => adminSend(stack, method, path, body);
const fate = (payload: Record<string, unknown>) => fateOf(stack, payload);

const apple = (overrides: Record<string, unknown>) => originalPayload({ symbol: 'AAPL', exchange: 'NASDAQ', price: 190, ...overrides });
const unknownList = async () => (await stack.get('/api/admin/unknown-strategies')).body as UnknownStrategy[];

describe('a fresh install (no strategy configured)', () => {
  it("trades the original payload's unknown strategy under the default policy", async () => {
    expect((await stack.get('/api/admin/settings/1')).body).toMatchObject({ unknownStrategyPolicy: 'auto' });
    expect(await fate(apple({ alertId: 'fresh-1' }))).toMatchObject({ status: 'placed' });
  });
});

describe('names that could pass for another are refused at the webhook, and recorded', () => {
  it.each([
    ['Risk1\u200b', 'U+200B'], ['Ri\u200dsk1', 'U+200D'], ['\u2060Risk1', 'U+2060'], ['Risk1\ufeff', 'U+FEFF'],
    ['Risk\u202e1', 'U+202E'], ['Risk\u00071', 'U+0007'], ['R\u0456sk1', 'Cyrillic'],
  ])('%j → 400 naming stratName', async (stratName, why) => {
    const res = await stack.post(apple({ stratName }));
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('stratName');
    expect(res.body.message).toContain(why);
    expect(res.body.details).toEqual([{ field: 'stratName', problem: expect.stringContaining(why) }]);
    const [row] = await stack.query(`SELECT status, http_status, strategy, reason FROM alerts ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({ status: 'rejected', http_status: 400, strategy: stratName });
    expect(row.reason).toContain('stratName');
  });

  it('takes a name wholly in another script', async () => {
    expect((await stack.post(apple({ stratName: 'Стратегия 1', alertId: 'cyr' }))).status).toBe(200);
  });

  it('refuses the same names in the admin API, naming the field', async () => {
    for (const name of ['Risk1\u200b', 'R\u0456sk1', 'Risk\u202e1']) {
      const created = await send('POST', 'strategies', { name });
      expect([name, created.status]).toEqual([name, 400]);
      expect(created.body.message).toContain('name:');
    }
    const { body: { id } } = await send('POST', 'strategies', { name: 'Renamed' });
    const renamed = await send('PUT', `strategies/${id}`, { name: 'Renamed\u200b' });
    expect(renamed.status).toBe(400);
    expect(renamed.body.message).toContain('invisible');
  });
});

describe('a name that normalises to a configured strategy is that strategy', () => {
  it("applies Risk 1's limits and secret to 'risk  1' and the fullwidth 'Ｒｉｓｋ　１'", async () => {
    const { body: { secret } } = await send('POST', 'strategies', { name: 'Risk 1', allowedSymbols: ['AAPL'], maxQuantity: '5' });
    for (const [i, stratName] of ['risk  1', 'Ｒｉｓｋ\u3000１', ' RISK\u00a01 '].entries()) {
      const outcome = await fate(apple({ stratName, symbol: 'MSFT', price: 400, secmgs: secret, alertId: `same-${i}` }));
      expect([stratName, outcome.reason]).toEqual([stratName, expect.stringContaining('"symbol not allowed"')]);
    }
  });

  it('keeps names unique that way: 409 from the API, 23505 from the database', async () => {
    for (const name of ['risk 1', 'RISK   1', 'Ｒｉｓｋ １']) {
      const res = await send('POST', 'strategies', { name });
      expect([name, res.status]).toEqual([name, 409]);
      expect(res.body.message).toContain('"Risk 1" already exists');
    }
    await expect(stack.query(`INSERT INTO strategies (name, name_key) VALUES ('RISK 1', 'risk 1')`)).rejects.toMatchObject({ code: '23505' });
    const [row] = await stack.query(`SELECT name, name_key FROM strategies WHERE name_key = 'risk 1'`);
    expect(row).toEqual({ name: 'Risk 1', name_key: 'risk 1' });
    const stored = await send('POST', 'strategies', { name: '  Ｍｏｍｏ   Two ' });
    expect([stored.status, stored.body.name]).toEqual([201, 'Momo Two']);
  });

  it('"Risk1" (no space) is another name: unknown, so refused now that strategies exist', async () => {
    const outcome = await fate(apple({ stratName: 'Risk1', alertId: 'nospace' }));
    expect(outcome).toMatchObject({ status: 'refused', reason: expect.stringContaining('"unknown strategy"') });
  });
});

describe('unknown strategies and the global limits', () => {
  const setSettings = (data: Record<string, unknown>) => send('PUT', 'settings/1', data);
  const es500 = (alertId: string) => originalPayload({ stratName: 'Nobody Configured', exchange: 'CME_MINI', symbol: 'ES1!', price: 6000, quantity: 500, alertId });

  it('refuses a 500-lot ES1! from a strategy nobody configured, and by the global max quantity even when unknown ones are allowed', async () => {
    expect(await fate(es500('es-1'))).toMatchObject({ status: 'refused', reason: expect.stringContaining('"unknown strategy"') });
    expect((await setSettings({ unknownStrategyPolicy: 'allow' })).status).toBe(200);
    expect(await fate(es500('es-2'))).toMatchObject({ status: 'refused', reason: 'Refused by rule "global max quantity": 500 > 100' });
    const notional = await fate({ ...es500('es-3'), quantity: 4 });
    expect(notional.reason).toMatch(/^Refused by rule "global max notional": 4 × 6000 .*× 50 = 1200000 > 1000000$/);
    expect((await setSettings({ unknownStrategyPolicy: 'auto' })).status).toBe(200);
  });

  it('holds a configured strategy to them too, and they are edited in the settings (positive numbers only)', async () => {
    await send('POST', 'strategies', { name: 'Roomy', maxQuantity: '1000' });
    for (const bad of [{ globalMaxQuantity: 0 }, { globalMaxNotional: -1 }, { globalMaxQuantity: 'lots' }]) {
      const res = await setSettings(bad);
      expect([bad, res.status]).toEqual([bad, 400]);
      expect(res.body.message).toContain(Object.keys(bad)[0]);
    }
    expect((await setSettings({ globalMaxQuantity: 2, globalMaxNotional: 300 })).status).toBe(200);
    const quantity = await fate(apple({ stratName: 'Roomy', quantity: 3, alertId: 'g-1' }));
    expect(quantity.reason).toBe('Refused by rule "global max quantity": 3 > 2');
    const notional = await fate(apple({ stratName: 'Roomy', quantity: 2, alertId: 'g-2' }));
    expect(notional.reason).toMatch(/^Refused by rule "global max notional": 2 × 190 .*= 380 > 300$/);
    expect((await setSettings({ globalMaxQuantity: 100, globalMaxNotional: 1_000_000 })).status).toBe(200);
    expect(await fate(apple({ stratName: 'Roomy', quantity: 3, alertId: 'g-3' }))).toMatchObject({ status: 'placed' });
  });
});

describe('the console lists names seen but not configured', () => {
  it('one row per name as strategies match it, newest spelling, without configured or rejected ones', async () => {
    await stack.post(apple({ stratName: 'Ghost  Strat', alertId: 'gh-1' }));
    await stack.post(apple({ stratName: 'GHOST STRAT', alertId: 'gh-2' }));
    await stack.post(apple({ stratName: 'Intruder', secmgs: 'not-the-secret' }));
    const list = await unknownList();
    const ghost = list.find((u) => u.id === 'ghost strat');
    expect(ghost).toMatchObject({ name: 'GHOST STRAT', alerts: 2, lastSeenAt: expect.any(String) });
    expect(list[0].id).toBe('ghost strat'); // newest first
    const names = list.map((u) => u.id);
    expect(names).toEqual(expect.arrayContaining(['strat alpha', 'risk1', 'nobody configured', 'стратегия 1']));
    for (const absent of ['risk 1', 'roomy', 'intruder']) expect(names).not.toContain(absent);
    expect(list.every((u) => !u.name.includes('\u200b'))).toBe(true);

    expect((await send('POST', 'strategies', { name: ghost!.name })).status).toBe(201);
    expect((await unknownList()).map((u) => u.id)).not.toContain('ghost strat');
  });

  it('is readable by a viewer, not anonymously', async () => {
    expect((await stack.fetch('/api/admin/unknown-strategies', { cookie: null })).status).toBe(401);
    await send('POST', 'users', { username: 'watcher', role: 'viewer', password: 'viewer-password-1' });
    const viewer = await stack.login('watcher', 'viewer-password-1');
    const res = await stack.fetch('/api/admin/unknown-strategies', { cookie: viewer });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toMatch(/^unknown-strategies 0-\d+\/\d+$/);
  });
});

describe('the strategy-identity migration', () => {
  it('stops on names that are one strategy now, naming them; then keys every name and makes unknown strategies safe', async () => {
    const empty = await createTestDatabase();
    try {
      await migrateUpTo(empty.url, StrategyIdentity1764100005000, `INSERT INTO strategies (name) VALUES ('Risk 1'), ('risk  1'), ('Ｓｏｌｏ　Two')`);

      await expect(openDatabase({ url: empty.url })).rejects.toThrow(/"Risk 1" \(id 1\) \/ "risk  1" \(id 2\)/);

      await runSql(empty.url, `UPDATE strategies SET name = 'Risk 1 old' WHERE id = 2`);
      const db = await openDatabase({ url: empty.url });
      expect(await db.query(`SELECT name, name_key FROM strategies ORDER BY id`)).toEqual([
        { name: 'Risk 1', name_key: 'risk 1' }, { name: 'Risk 1 old', name_key: 'risk 1 old' }, { name: 'Solo Two', name_key: 'solo two' },
      ]);
      expect((await db.query(`SELECT unknown_strategy_policy AS p, global_max_quantity::int AS q, global_max_notional::int AS n FROM settings`))[0])
        .toEqual({ p: 'auto', q: 100, n: 1_000_000 });
      await expect(db.query(`INSERT INTO strategies (name, name_key) VALUES ('RISK 1', 'risk 1')`)).rejects.toMatchObject({ code: '23505' });
      await expect(db.query(`INSERT INTO strategies (name) VALUES ('Unkeyed')`)).rejects.toMatchObject({ code: '23502' });
      await db.destroy();
    } finally {
      await empty.drop();
    }
  });
});
