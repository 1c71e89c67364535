import { GLOBAL_LIMIT_DEFAULTS, type Settings } from '@tradehook/contracts';
import type { ContractSpec } from '../../src/ib/ib-types';
import { buildOrder, orderProblem } from '../../src/orders/order-builder';
import type { PendingAlert } from '../../src/orders/pending-alert';
import { evaluateRisk } from '../../src/orders/risk';
import type { StrategyRules } from '../../src/strategies/strategy-store';

const settings = { killSwitch: false, unknownStrategyPolicy: 'allow', ...GLOBAL_LIMIT_DEFAULTS } as Settings;
const strategy = (rules: Partial<StrategyRules>): StrategyRules => ({
  id: 1, name: 'S', enabled: true, secretHash: null, defaultQuantity: null, maxQuantity: null, maxNotional: null,
  allowedSymbols: null, tradingWindowStart: null, tradingWindowEnd: null, timeZone: 'UTC', defaultOrderType: null, positionMode: 'orders', ...rules,
});
const alert = (fields: Partial<PendingAlert>): PendingAlert => ({
  id: 1, receivedAt: new Date(), strategy: 'S', symbol: 'AAPL', exchange: 'NASDAQ', price: '190', direction: 'BUY',
  quantity: '1', orderType: null, limitPrice: null, stopPrice: null, tif: null, secType: null, currency: null, ...fields,
});
const stock: ContractSpec = { symbol: 'AAPL', secType: 'STK', exchange: 'SMART', primaryExchange: 'NASDAQ', currency: 'USD',
  localSymbol: null, multiplier: null, lastTradeDate: null };
const future = (symbol: string, localSymbol: string, multiplier: string | null = null): ContractSpec =>
  ({ symbol, secType: 'FUT', exchange: 'CME', primaryExchange: null, currency: 'USD', localSymbol, multiplier, lastTradeDate: null });

/** IB's reference price as the risk rules receive it (null: neither market data nor a fill). */
const at = (price: number | null, source = price === null ? 'no price from IB within 1.5 s, and no fill of it is known' : 'IB market data') =>
  ({ price, source });
const budget = strategy({ maxNotional: '1000' });
const verdict = (a: PendingAlert, contract: ContractSpec, reference = at(190)) =>
  evaluateRisk(a, settings, budget, { contract, reference });

describe('max notional', () => {
  it('passes within the limit and refuses above it, naming the sum', () => {
    expect(verdict(alert({ quantity: '5' }), stock).ok).toBe(true);
    expect(verdict(alert({ quantity: '6' }), stock)).toEqual({ ok: false,
      reason: 'Refused by rule "max notional": 6 × 190 (IB market data) = 1140 > 1000' });
  });

  it('does not trust a price of 0 or a tiny one: IB\'s reference prices the order, and without one it is refused', () => {
    expect(verdict(alert({ quantity: '100', price: '0.0001' }), stock, at(99.84, "IB's last fill"))).toMatchObject({ ok: false,
      reason: expect.stringContaining("100 × 99.84 (IB's last fill) = 9984 > 1000") });
    expect(verdict(alert({ quantity: '1', price: '190' }), stock, at(null))).toEqual({ ok: false,
      reason: 'Refused by rule "max notional": cannot be checked: no reference price for AAPL — no price from IB within 1.5 s, and no fill of it is known' });
  });

  it('counts a future\'s multiplier: from the contract map, from the known list, and refuses an unknown one', () => {
    expect(verdict(alert({ symbol: 'ESZ6', price: '6000' }), future('ES', 'ESZ6', '50'), at(6000))).toMatchObject({ ok: false,
      reason: expect.stringContaining('1 × 6000 (IB market data) × 50 = 300000 > 1000') });
    expect(verdict(alert({ symbol: 'NQZ6', price: '9000' }), future('NQ', 'NQZ6'), at(9000))).toMatchObject({ ok: false,
      reason: expect.stringContaining('1 × 9000 (IB market data) × 20 = 180000 > 1000') });
    expect(verdict(alert({ symbol: 'XYZZ6', price: '1' }), future('XYZ', 'XYZZ6'))).toMatchObject({ ok: false,
      reason: expect.stringContaining('the multiplier of XYZZ6 (FUT) is unknown') });
  });

  it('uses the higher of the reference and the prices the alert names (a limit above the market counts)', () => {
    expect(verdict(alert({ quantity: '5', orderType: 'LMT', limitPrice: '250' }), stock)).toEqual({ ok: false,
      reason: 'Refused by rule "max notional": 5 × 250 (the alert\'s limitPrice) = 1250 > 1000' });
    expect(verdict(alert({ quantity: '5', orderType: 'LMT', limitPrice: '1' }), stock).ok).toBe(true);
  });
});

describe('orderProblem', () => {
  it('refuses a stop order without a stop price, even when the stop type comes from the strategy\'s default', () => {
    const order = buildOrder(alert({}), { quantity: null, orderType: 'STP' });
    expect(orderProblem(order, stock)).toBe('Refused: a STP order needs a stopPrice in the alert');
  });
  it('refuses fractional futures and a zero quantity', () => {
    expect(orderProblem(buildOrder(alert({ quantity: '1.5' })), future('ES', 'ESZ6'))).toBe('Refused: futures trade whole contracts, not 1.5');
    expect(orderProblem(buildOrder(alert({ quantity: null }), { quantity: '0', orderType: null }), stock))
      .toBe('Refused: the quantity must be greater than 0 (it is 0)');
  });
  it('lets a well-formed order through', () => {
    expect(orderProblem(buildOrder(alert({ orderType: 'STP', stopPrice: '180' })), stock)).toBeNull();
    expect(orderProblem(buildOrder(alert({ quantity: '2' })), future('ES', 'ESZ6'))).toBeNull();
  });
});

describe('unknown strategies and the global limits', () => {
  const unknown = (a: PendingAlert, policy: Settings['unknownStrategyPolicy'], contract = stock, reference = at(190)) =>
    evaluateRisk(a, { ...settings, unknownStrategyPolicy: policy }, undefined, { contract, reference });

  it('refuses an unknown strategy unless the policy (resolved by riskCheck) is allow', () => {
    expect(unknown(alert({}), 'allow').ok).toBe(true);
    expect(unknown(alert({}), 'refuse')).toEqual({ ok: false,
      reason: 'Refused by rule "unknown strategy": "S" is not configured, and the settings refuse unknown strategies' });
    expect(unknown(alert({}), 'auto')).toMatchObject({ ok: false, reason: expect.stringContaining('once any strategy is configured') });
  });

  it('holds every order to them, known strategy or not, after the strategy\'s own limits', () => {
    expect(unknown(alert({ quantity: '101' }), 'allow')).toEqual({ ok: false, reason: 'Refused by rule "global max quantity": 101 > 100' });
    expect(unknown(alert({ symbol: 'ESZ6', price: '6000', quantity: '4' }), 'allow', future('ES', 'ESZ6'), at(6000))).toEqual({ ok: false,
      reason: 'Refused by rule "global max notional": 4 × 6000 (IB market data) × 50 = 1200000 > 1000000' });
    expect(unknown(alert({ quantity: '1', price: '0' }), 'allow', stock, at(null))).toMatchObject({ ok: false,
      reason: expect.stringContaining('"global max notional": cannot be checked') });
    const roomy = strategy({ maxQuantity: '1000' });
    expect(evaluateRisk(alert({ quantity: '500' }), settings, roomy, { contract: stock, reference: at(190) }))
      .toMatchObject({ ok: false, reason: expect.stringContaining('"global max quantity"') });
    expect(evaluateRisk(alert({ quantity: '50' }), settings, roomy, { contract: stock, reference: at(190) }).ok).toBe(true);
  });
});
