import { decimalsOf, formatDecimal, MONEY, PNL, priceDecimals, signOf } from './numbers';

describe('numbers', () => {
  it('groups thousands and keeps every digit of an exact decimal', () => {
    expect(formatDecimal('20000')).toBe('20,000');
    expect(formatDecimal('1.08760')).toBe('1.08760');
    expect(formatDecimal('12345678901234567.25')).toBe('12,345,678,901,234,567.25');
  });

  it('rounds to a fixed number of decimals, padding with zeros', () => {
    expect(formatDecimal('1234567.125', MONEY)).toBe('1,234,567.13');
    expect(formatDecimal('5', MONEY)).toBe('5.00');
    expect(formatDecimal('-0.4', MONEY)).toBe('\u22120.40');
  });

  it('signs P&L with + and a true minus, zero without a sign', () => {
    expect(formatDecimal('1250.5', PNL)).toBe('+1,250.50');
    expect(formatDecimal('-75.125', PNL)).toBe('\u221275.13');
    expect(formatDecimal('0', PNL)).toBe('0.00');
  });

  it('returns something that is not a number as it came', () => {
    expect(formatDecimal('n/a')).toBe('n/a');
  });

  it('tells gains from losses', () => {
    expect([signOf('12.5'), signOf('-0.01'), signOf('0.000'), signOf(null)]).toEqual([1, -1, 0, 0]);
    expect(decimalsOf('1.50')).toBe(2);
  });

  it('gives every price of an instrument the same decimals', () => {
    expect(priceDecimals('STK', ['190.25', '190'])).toBe(2);
    expect(priceDecimals('STK', ['190.25', '190.0035'])).toBe(4);
    expect(priceDecimals('STK', ['190.123456789'])).toBe(4);
    expect(priceDecimals('CASH', ['1.0876', null])).toBe(5);
  });
});
