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
});
