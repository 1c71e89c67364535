import { inferContract } from '../../src/orders/contract-resolver';
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

  it('keeps the continuous front-month rule', () => {
    expect(future('ES1!')).toMatchObject({ symbol: 'ES', localSymbol: 'ESZ6', lastTradeDate: null });
  });

  it('leaves tickers that are not dated futures alone', () => {
    expect(future('ESZ202')).toMatchObject({ symbol: 'ESZ202', localSymbol: 'ESZ202', lastTradeDate: null });
    expect(future('ES')).toMatchObject({ symbol: 'ES', localSymbol: 'ES', lastTradeDate: null });
    expect(parseDatedFuture('ESA2026')).toBeNull();
    expect(parseDatedFuture('ESZ20261')).toBeNull();
  });

  it('does not touch stocks', () => {
    expect(inferContract({ symbol: 'AAPL', exchange: 'NASDAQ', secType: null, currency: null }, day))
      .toMatchObject({ secType: 'STK', localSymbol: null, lastTradeDate: null });
  });
});
