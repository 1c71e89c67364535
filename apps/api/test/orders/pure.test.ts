import { inferContract } from '../../src/orders/contract-resolver';
import { frontMonthCode } from '../../src/orders/front-month';
import { buildOrder, orderRefFor } from '../../src/orders/order-builder';
import type { PendingAlert } from '../../src/orders/pending-alert';

const day = new Date('2026-11-25T12:00:00Z');
const req = (symbol: string, exchange: string | null, extra: Partial<{ secType: string; currency: string }> = {}) =>
  ({ symbol, exchange, secType: null, currency: null, ...extra });

describe('inferContract', () => {
  it('reads CME_MINI as a CME future with the symbol as local symbol', () => {
    expect(inferContract(req('NQU4', 'CME_MINI'), day)).toMatchObject({ symbol: 'NQ', secType: 'FUT', exchange: 'CME', localSymbol: 'NQU4', currency: 'USD' });
  });
  it('maps a continuous future to the front month', () => {
    expect(inferContract(req('ES1!', 'CME_MINI'), day)).toMatchObject({ symbol: 'ES', localSymbol: 'ESZ6' });
  });
  it('routes stocks through SMART with the primary exchange', () => {
    expect(inferContract(req('AAPL', 'NASDAQ'), day)).toMatchObject({ secType: 'STK', exchange: 'SMART', primaryExchange: 'NASDAQ' });
    expect(inferContract(req('AAPL', null), day)).toMatchObject({ secType: 'STK', exchange: 'SMART', primaryExchange: null });
  });
  it('splits forex pairs and honours overrides', () => {
    expect(inferContract(req('EURUSD', 'FX_IDC'), day)).toMatchObject({ symbol: 'EUR', currency: 'USD', secType: 'CASH', exchange: 'IDEALPRO' });
    expect(inferContract(req('SAP', 'XETR', { secType: 'STK', currency: 'EUR' }), day)).toMatchObject({ currency: 'EUR' });
  });
});

describe('frontMonthCode', () => {
  it('rolls eight days before the third Friday', () => {
    expect(frontMonthCode(new Date('2026-12-09T00:00:00Z'))).toBe('Z6');
    expect(frontMonthCode(new Date('2026-12-11T00:00:00Z'))).toBe('H7');
  });
});

describe('buildOrder', () => {
  const alert: PendingAlert = { id: 42, receivedAt: day, strategy: 'S', symbol: 'AAPL', exchange: null, price: '190.5',
    direction: 'BUY', quantity: null, orderType: null, limitPrice: null, stopPrice: null, tif: null, secType: null, currency: null };
  it('defaults to 1 at market, DAY, with a stable orderRef', () => {
    expect(buildOrder(alert)).toEqual({ side: 'BUY', quantity: '1', orderType: 'MKT', limitPrice: null, stopPrice: null, tif: 'DAY', orderRef: orderRefFor(alert) });
    expect(orderRefFor(alert)).toMatch(/^TH-42-/);
  });
  it('uses the strategy default quantity and the alert price as the limit', () => {
    expect(buildOrder({ ...alert, orderType: 'LMT' }, { quantity: '5', orderType: null })).toMatchObject({ quantity: '5', limitPrice: '190.5' });
  });
});
