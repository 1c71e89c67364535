import { GLOBAL_LIMIT_DEFAULTS, type Settings } from '@tradehook/contracts';
import type { DataSource } from 'typeorm';
import type { ContractSpec } from '../../src/ib/ib-types';
import { validatePayload } from '../../src/ingest/validate';
import type { PendingAlert } from '../../src/orders/pending-alert';
import { riskCheck } from '../../src/orders/risk';
import { lookAlikeProblem, StrategyStore } from '../../src/strategies/strategy-store';

// The store's look-alike lookup and the rules that use it, without a database: the stack test is strategy-lookalikes.
const rules = (id: number, name: string) => ({
  id, name, enabled: true, secretHash: null, defaultQuantity: null, maxQuantity: '1', maxNotional: null, allowedSymbols: null,
  tradingWindowStart: null, tradingWindowEnd: null, timeZone: 'UTC', defaultOrderType: null, positionMode: 'orders',
});
const store = async () => {
  const rows = [rules(2, 'Telescope'), rules(1, 'Scope')];
  const strategies = new StrategyStore({ query: async () => rows } as unknown as DataSource);
  await strategies.load();
  return strategies;
};
const CYRILLIC_SCOPE = '\u0405\u0441\u043e\u0440\u0435';

describe('StrategyStore.lookingLike', () => {
  it('finds the configured strategy a name imitates, never the strategy itself or an unrelated name', async () => {
    const strategies = await store();
    for (const name of [CYRILLIC_SCOPE, 'SC0PE', '\u0405\u0421\u041e\u0420\u0415']) expect(strategies.lookingLike(name)?.name).toBe('Scope');
    for (const name of ['Scope', 'SCOPE', ' ｓｃｏｐｅ ', 'Scape', 'Elsewhere']) expect(strategies.lookingLike(name)).toBeUndefined();
  });
});

describe('riskCheck', () => {
  const settings = { killSwitch: false, unknownStrategyPolicy: 'allow', priceBandPercent: 10, ...GLOBAL_LIMIT_DEFAULTS } as Settings;
  const stock: ContractSpec = { symbol: 'AAPL', secType: 'STK', exchange: 'SMART', primaryExchange: 'NASDAQ', currency: 'USD',
    localSymbol: null, multiplier: null, lastTradeDate: null };
  const alert = (strategy: string, fields: Partial<PendingAlert> = {}): PendingAlert => ({
    id: 1, receivedAt: new Date(), strategy, symbol: 'AAPL', exchange: 'NASDAQ', price: '190', direction: 'BUY',
    quantity: '50', orderType: null, limitPrice: null, stopPrice: null, tif: null, secType: null, currency: null, ...fields,
  });
  const check = async (current: Settings) => riskCheck(() => current, await store(), async () => ({ price: 190, source: 'IB market data' }));

  it('refuses a look-alike under every policy, naming the strategy; the kill switch still speaks first', async () => {
    for (const unknownStrategyPolicy of ['allow', 'auto', 'refuse'] as const) {
      const verdict = await (await check({ ...settings, unknownStrategyPolicy }))(alert(CYRILLIC_SCOPE), stock);
      expect(verdict).toEqual({ ok: false, reason: `Refused by rule "look-alike strategy name": "${CYRILLIC_SCOPE}" ${lookAlikeProblem('Scope')}` });
    }
    expect(await (await check({ ...settings, killSwitch: true }))(alert(CYRILLIC_SCOPE), stock))
      .toEqual({ ok: false, reason: 'Refused by rule "kill switch": trading is halted' });
  });

  it("holds the strategy's own spellings to its limits, and lets an unrelated unknown name trade under allow", async () => {
    const risk = await check(settings);
    expect(await risk(alert('SCOPE'), stock)).toEqual({ ok: false, reason: 'Refused by rule "max quantity": 50 > 1' });
    expect(await risk(alert('Elsewhere'), stock)).toMatchObject({ ok: true });
  });
});

describe('validatePayload with the store\'s look-alike check (as the webhook calls it)', () => {
  const body = (stratName: string) => ({ stratName, symbol: 'AAPL', price: 190, direction: 'BUY' });

  it("reports the check's answer on stratName, after the name's own problems", async () => {
    const strategies = await store();
    const lookAlike = (name: string) => strategies.imitationProblem(name);
    expect(validatePayload(body(CYRILLIC_SCOPE), lookAlike)).toEqual({ ok: false,
      problems: [{ field: 'stratName', problem: lookAlikeProblem('Scope') }] });
    expect(validatePayload(body('Sc0pe\u200b'), lookAlike)).toMatchObject({ ok: false,
      problems: [{ field: 'stratName', problem: expect.stringContaining('invisible') }] });
    expect(validatePayload(body('Scope'), lookAlike)).toMatchObject({ ok: true });
  });
});
