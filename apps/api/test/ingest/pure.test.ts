import { toDecimal } from '../../src/ingest/decimal';
import { epochMsOfIsoMicros, isoMicros } from '../../src/ingest/time';
import { validatePayload } from '../../src/ingest/validate';

const PRICE = { maxAbs: 1e12, maxDecimals: 10 };

describe('toDecimal', () => {
  it.each([
    [15000.5, '15000.5'], ['15000.50', '15000.50'], [' 1.123456 ', '1.123456'], ['1.5e-7', '0.00000015'],
    ['+2.', '2'], [1e21 / 1e10, '100000000000'], ['-0.5', '-0.5'], ['.25', '0.25'], ['007.10', '7.10'], ['0', '0'],
  ])('%p → %p', (input, expected) => {
    expect(toDecimal(input as number | string, PRICE)).toEqual({ ok: true, value: expected });
  });

  it.each([['NaN'], ['Infinity'], ['1e400'], [Number.NaN], ['12abc'], ['']])('refuses %p', (input) => {
    expect(toDecimal(input as number | string, PRICE).ok).toBe(false);
  });

  it('enforces size, decimals and sign', () => {
    expect(toDecimal('1e13', PRICE)).toEqual({ ok: false, problem: 'must be smaller than 1000000000000' });
    expect(toDecimal('0.00000000001', PRICE)).toEqual({ ok: false, problem: 'must have at most 10 decimals' });
    expect(toDecimal('0', { ...PRICE, positive: true })).toEqual({ ok: false, problem: 'must be greater than 0' });
  });
});

describe('isoMicros', () => {
  it.each([[0.001, '001'], [0.042, '042'], [0.5, '500'], [0, '000']])('keeps the microseconds of +%p ms as .xxx%p', (extra, micros) => {
    const ms = Date.UTC(2026, 10, 26, 9, 30, 0, 123) + extra;
    expect(isoMicros(ms)).toBe(`2026-11-26T09:30:00.123${micros}Z`);
    expect(epochMsOfIsoMicros(isoMicros(ms))).toBeCloseTo(ms, 3);
  });
});

describe('validatePayload', () => {
  const base = { stratName: 'S', symbol: 'aapl', price: 1, direction: 'buy' };

  it('normalises case and keeps decimals exact', () => {
    const result = validatePayload({ ...base, quantity: '10', orderType: 'lmt', limitPrice: '99.990', tif: 'gtc' });
    expect(result).toEqual({ ok: true, alert: expect.objectContaining({
      symbol: 'AAPL', direction: 'BUY', quantity: '10', orderType: 'LMT', limitPrice: '99.990', tif: 'GTC' }) });
  });

  it('lists every problem once per field', () => {
    const result = validatePayload({ price: true, direction: 'x', __proto__x: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(expect.arrayContaining([
      { field: 'stratName', problem: 'is required' },
      { field: 'symbol', problem: 'is required' },
      { field: 'price', problem: 'must be a number (or a number in quotes)' },
      { field: 'direction', problem: 'must be BUY, SELL, EXIT (or CLOSE, FLAT), REVERSE or CANCEL' },
      expect.objectContaining({ field: '__proto__x' }),
    ]));
  });

  it('refuses a __proto__ key', () => {
    const result = validatePayload(JSON.parse('{"stratName":"S","symbol":"A","price":1,"direction":"BUY","__proto__":{"x":1}}'));
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ field: '__proto__' })] });
  });

  it('needs a stop price for stop orders, and a limit price for stop-limit orders', () => {
    expect(validatePayload({ ...base, orderType: 'STP' })).toEqual({ ok: false, problems: [{ field: 'stopPrice', problem: 'is required for STP orders' }] });
    // Without it the limit would silently be the alert's price: a sell stop-limit at 90 with limit 100 never fills.
    expect(validatePayload({ ...base, orderType: 'STP LMT', stopPrice: 90, price: 100 })).toEqual({ ok: false,
      problems: [{ field: 'limitPrice', problem: 'is required for STP LMT orders (the limit the order takes once the stop triggers)' }] });
  });

  it('names the range and cross-field problems together with the schema\'s, in one answer', () => {
    const result = validatePayload({ stratName: '', symbol: 'A', price: 'abc', direction: 'hold', quantity: -5, orderType: 'STP' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual(['direction', 'price', 'quantity', 'stopPrice', 'stratName']);
    expect(result.problems).toContainEqual({ field: 'quantity', problem: 'must be greater than 0' });
  });
});
