import { PriceBook, roundToTick } from '../src/engine/price-book';

describe('PriceBook', () => {
  it('quotes in cents by default, and sub-dollar prices in hundredths of a cent', () => {
    expect(roundToTick(190.123)).toBe(190.12);
    expect(roundToTick(0.123456)).toBe(0.1235);
  });

  it('keeps the precision a symbol was set at: a currency pair is not cut to cents', () => {
    const book = new PriceBook({ EUR: 1.08765, AAPL: 190.5 });
    expect(book.get('EUR')).toBe(1.08765);
    expect(book.get('AAPL')).toBe(190.5);
    book.set('EUR', 1.0876543);
    expect(book.get('EUR')).toBe(1.0876543);
  });

  it('keeps a symbol with a coarser tick on it: prices, quotes and the quoted tick', () => {
    const book = new PriceBook({ ES: 5000.37, AAPL: 190.37 }, {}, (symbol) => (symbol === 'ES' ? 0.25 : undefined));
    expect(book.get('ES')).toBe(5000.25);
    expect(book.quote('ES')).toEqual({ bid: 5000, ask: 5000.5, last: 5000.25, minTick: 0.25 });
    expect(book.quote('AAPL')).toEqual({ bid: 190.36, ask: 190.38, last: 190.37, minTick: 0.01 });
  });
});
