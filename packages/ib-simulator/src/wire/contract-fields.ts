/**
 * The contract block IB writes in EXECUTION_DATA, POSITION, PORTFOLIO_VALUE, OPEN_ORDER and COMPLETED_ORDER:
 * conId, symbol, secType, lastTradeDateOrContractMonth, strike, right, multiplier, exchange, currency, localSymbol,
 * tradingClass. A future carries its expiry and multiplier; other types send them empty, as TWS does.
 */
import type { SimOrder } from '../types';
import { type Field, int } from './format';

/** `exchange` differs per message: the order's, the execution venue, or the primary exchange. */
export function contractFields(order: SimOrder, exchange: string): Field[] {
  return [
    int(order.conId),
    order.symbol,
    order.secType,
    order.lastTradeDate ?? '',
    '0', // strike
    '', // right
    order.multiplier ?? '',
    exchange,
    order.currency,
    order.localSymbol,
    order.symbol, // tradingClass
  ];
}
