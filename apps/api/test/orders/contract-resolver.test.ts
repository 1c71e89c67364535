import { inferContract, splitTicker } from '../../src/orders/contract-resolver';
import { parseDatedFuture } from '../../src/orders/front-month';

const day = new Date('2026-11-25T12:00:00Z');
const future = (symbol: string, exchange = 'CME_MINI') => inferContract({ symbol, exchange, secType: null, currency: null }, day);

describe('dated futures tickers', () => {
  it("translates TradingView's four-digit year to IB's local symbol, with the contract month", () => {
    expect(future('ESZ2026')).toMatchObject({ symbol: 'ES', secType: 'FUT', exchange: 'CME', localSymbol: 'ESZ6', lastTradeDate: '202612' });
    expect(future('NQH2027')).toMatchObject({ symbol: 'NQ', localSymbol: 'NQH7', lastTradeDate: '202703' });
    expect(future('CLF2030', 'NYMEX')).toMatchObject({ symbol: 'CL', exchange: 'NYMEX', localSymbol: 'CLF0', lastTradeDate: '203001' });
    expect(future('MESM2026')).toMatchObject({ symbol: 'MES', localSymbol: 'MESM6', lastTradeDate: '202606' });
    expect(future('6EU2026', 'CME')).toMatchObject({ symbol: '6E', localSymbol: '6EU6', lastTradeDate: '202609' });
  });

  it('reads a two-digit year the same way', () => {
    expect(future('ESZ26')).toMatchObject({ symbol: 'ES', localSymbol: 'ESZ6', lastTradeDate: '202612' });
  });

  it('keeps a one-digit year as it is (no contract month: the decade is not said)', () => {
    expect(future('NQU4')).toMatchObject({ symbol: 'NQ', localSymbol: 'NQU4', lastTradeDate: null });
  });

  it('keeps the continuous front-month rule, and NQ2! is the next quarter', () => {
    expect(future('ES1!')).toMatchObject({ symbol: 'ES', localSymbol: 'ESZ6', lastTradeDate: '202612' });
    expect(future('NQ2!')).toMatchObject({ symbol: 'NQ', localSymbol: 'NQH7', lastTradeDate: '202703' });
  });

  it('refuses a futures exchange ticker that names no contract month', () => {
    expect(() => future('ESZ202')).toThrow('ESZ202 names no contract month');
    expect(() => future('ES')).toThrow('send a continuous (ES1!) or dated (ESZ2026) ticker');
    expect(parseDatedFuture('ESA2026')).toBeNull();
    expect(parseDatedFuture('ESZ20261')).toBeNull();
  });

  it('does not touch stocks', () => {
    expect(inferContract({ symbol: 'AAPL', exchange: 'NASDAQ', secType: null, currency: null }, day))
      .toMatchObject({ secType: 'STK', localSymbol: null, lastTradeDate: null });
  });
});

describe('futures without an exchange, and TradingView\'s EXCHANGE:SYMBOL', () => {
  const bare = (symbol: string) => inferContract({ symbol, exchange: null, secType: null, currency: null }, day);

  it('resolves continuous and dated tickers of known roots as futures on their IB exchange, never as stocks', () => {
    expect(bare('ES1!')).toMatchObject({ symbol: 'ES', secType: 'FUT', exchange: 'CME', localSymbol: 'ESZ6', lastTradeDate: '202612' });
    expect(bare('NQZ2026')).toMatchObject({ symbol: 'NQ', secType: 'FUT', exchange: 'CME', localSymbol: 'NQZ6' });
    expect(bare('ZNH27')).toMatchObject({ symbol: 'ZN', secType: 'FUT', exchange: 'CBOT', localSymbol: 'ZNH7', lastTradeDate: '202703' });
    expect(bare('NQU4')).toMatchObject({ symbol: 'NQ', secType: 'FUT', exchange: 'CME', localSymbol: 'NQU4' });
    expect(bare('CLF2030')).toMatchObject({ symbol: 'CL', exchange: 'NYMEX', localSymbol: 'CLF0' });
  });

  it('splits EXCHANGE:SYMBOL, the exchange part winning', () => {
    expect(splitTicker('CME_MINI:ES1!', null)).toEqual({ symbol: 'ES1!', exchange: 'CME_MINI' });
    expect(splitTicker('NASDAQ:AAPL', 'NYSE')).toEqual({ symbol: 'AAPL', exchange: 'NASDAQ' });
    expect(splitTicker('AAPL', 'NASDAQ')).toEqual({ symbol: 'AAPL', exchange: 'NASDAQ' });
  });

  it('refuses, with a reason a trader can act on, what IB could not find', () => {
    expect(() => bare('XX1!')).toThrow('XX is not a futures root Tradehook knows — add XX1! (or XX) to the contract map');
    expect(() => bare('ES!')).toThrow('"!" marks a continuous future');
    expect(() => bare('AB!CD')).toThrow('is not a ticker IB can trade');
    expect(() => bare('XYZZ6')).toThrow('XYZ is not a futures root Tradehook knows');
    expect(() => bare('CL1!')).toThrow('CL does not roll quarterly');
    expect(() => splitTicker('A:B:C', null)).toThrow('expected SYMBOL or EXCHANGE:SYMBOL');
    expect(() => splitTicker(':ES1!', null)).toThrow('expected SYMBOL or EXCHANGE:SYMBOL');
    expect(() => splitTicker('CME:', null)).toThrow('expected SYMBOL or EXCHANGE:SYMBOL');
  });

  it('still trades plain stock tickers', () => {
    expect(bare('BRK.B')).toMatchObject({ secType: 'STK', symbol: 'BRK.B', exchange: 'SMART' });
    expect(bare('ES')).toMatchObject({ secType: 'STK', symbol: 'ES' });
  });
});
