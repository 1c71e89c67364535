import { contractLabel } from './contract-label';

const contract = { secType: 'FUT', symbol: 'ES', exchange: 'CME', primaryExchange: null, currency: 'USD', localSymbol: 'ESZ6',
  lastTradeDate: '202612', multiplier: null };

describe('contractLabel', () => {
  it('names what IB trades: type, local symbol, exchange and contract month', () => {
    expect(contractLabel(contract)).toBe('FUT ESZ6 on CME, Dec 2026');
    expect(contractLabel({ ...contract, localSymbol: 'NQU4', symbol: 'NQ', lastTradeDate: null })).toBe('FUT NQU4 on CME');
    expect(contractLabel({ ...contract, secType: 'STK', symbol: 'AAPL', localSymbol: null, exchange: 'SMART', primaryExchange: 'NASDAQ', lastTradeDate: null }))
      .toBe('STK AAPL on SMART (NASDAQ)');
    expect(contractLabel({ ...contract, secType: 'CASH', symbol: 'EUR', localSymbol: null, exchange: 'IDEALPRO', lastTradeDate: null }))
      .toBe('CASH EUR.USD on IDEALPRO');
    expect(contractLabel({ ...contract, secType: 'STK', symbol: 'SAP', localSymbol: null, exchange: 'SMART', currency: 'EUR', lastTradeDate: null }))
      .toBe('STK SAP on SMART in EUR');
  });

  it('shows a dash when the ticker was never resolved', () => {
    expect(contractLabel(null)).toBe('—');
  });
});
