/** Every message the simulator writes, built from one set of fixtures, for the layout tests (@stoqey/ib's and IB's decoder). */
import type { SimExecution, SimOrder } from '../../src';
import type { ValuedPosition } from '../../src/engine/account-book';
import * as account from '../../src/wire/account-messages';
import { type ContractDetails, contractData, contractDataEnd } from '../../src/wire/contract-messages';
import type { Field } from '../../src/wire/format';
import * as md from '../../src/wire/market-data-messages';
import { SUPPORTED_SERVER_VERSIONS } from '../../src/wire/message-ids';
import { completedOrder, openOrder } from '../../src/wire/order-messages';
import * as messages from '../../src/wire/server-messages';

export const order: SimOrder = {
  orderId: 7, clientId: 3, permId: 1234567890, conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART',
  primaryExchange: 'NASDAQ', currency: 'USD', localSymbol: 'AAPL', action: 'SELL', totalQuantity: 100,
  orderType: 'STP LMT', lmtPrice: 99.5, auxPrice: 100.25, tif: 'GTC', ocaGroup: 'oca-1', orderRef: 'alert-9',
  account: 'DU1234567', parentId: 6, transmit: true, status: 'Submitted', filled: 40, remaining: 60,
  avgFillPrice: 100.1, receivedAt: 1_767_268_800_000.123,
};
/** An exit with every field the exits work reports: a trailing stop-limit in a reducing OCA group, outside RTH. */
export const trailingOrder: SimOrder = {
  ...order, orderType: 'TRAIL LIMIT', lmtPrice: 98.75, auxPrice: 1, trailStopPrice: 99.25, lmtPriceOffset: 0.5, outsideRth: true, ocaType: 3,
};
export const execution: SimExecution = {
  execId: '0000e0d5.6553f1a2.01.01', orderId: 7, clientId: 3, permId: 1234567890, symbol: 'AAPL', secType: 'STK',
  exchange: 'NASDAQ', currency: 'USD', side: 'SLD', shares: 40, price: 100.1, cumQty: 40, avgPrice: 100.1,
  time: '20260101 12:00:00 UTC', account: 'DU1234567', orderRef: 'alert-9', commission: 1,
};
export const position: ValuedPosition = {
  account: 'DU1234567', order, quantity: -40, avgCost: 100.1, realizedPnl: 12.5, marketPrice: 99.8, marketValue: -3992, unrealizedPnl: 12,
};
/** A future's position and a closing fill: the contract carries expiry and multiplier, the report its realized P&L. */
export const futureOrder: SimOrder = {
  ...order, conId: 495512551, symbol: 'ES', secType: 'FUT', exchange: 'CME', primaryExchange: '', localSymbol: 'ESZ6',
  lastTradeDate: '20261218', multiplier: '50',
};
export const closingExecution: SimExecution = { ...execution, symbol: 'ES', secType: 'FUT', exchange: 'CME', realizedPnl: 998 };
export const futurePosition: ValuedPosition = {
  ...position, order: futureOrder, quantity: 2, avgCost: 250_000.5, marketPrice: 5010, marketValue: 501_000, unrealizedPnl: 999,
};
export const details: ContractDetails = {
  conId: 495512551, symbol: 'ES', secType: 'FUT', lastTradeDate: '20261218', exchange: 'CME', primaryExchange: '',
  currency: 'USD', localSymbol: 'ESZ6', tradingClass: 'ES', minTick: 0.25, multiplier: '50', orderTypes: 'LMT,MKT,STP,TRAIL',
  validExchanges: 'CME', longName: 'E-mini S&P 500', contractMonth: '202612', timeZoneId: 'US/Central',
  tradingHours: '', liquidHours: '', stockType: '',
};
const figures = { dailyPnl: 24.5, unrealizedPnl: 12, realizedPnl: 12.5 };

export const VERSIONS = [SUPPORTED_SERVER_VERSIONS.min, 158, 162, 166, 170, 176, 177, 178, 183, 185, 189, 192, SUPPORTED_SERVER_VERSIONS.max];

/** [the events @stoqey/ib emits for it (joined by +), the fields] for every message, as written at `serverVersion`. */
export function wireCases(serverVersion: number): Array<[string, Field[]]> {
  return [
    ['nextValidId', messages.nextValidId(12)],
    ['managedAccounts', messages.managedAccounts(['DU1234567', 'DU7654321'])],
    ['error', messages.errorMessage(serverVersion, 7, 202, 'Order Canceled - reason:')],
    ['info', messages.errorMessage(serverVersion, -1, 2104, 'Market data farm connection is OK:usfarm')],
    ['currentTime', messages.currentTime(1_767_268_800_000)],
    ['orderStatus', messages.orderStatus(order, 100.1)],
    ['openOrderEnd', messages.openOrderEnd()],
    ['execDetails', messages.executionData(serverVersion, 5, execution, order)],
    ['execDetailsEnd', messages.executionDataEnd(5)],
    ['commissionReport', messages.commissionReport(execution)],
    ['commissionReport', messages.commissionReport(closingExecution)],
    ['execDetails', messages.executionData(serverVersion, -1, closingExecution, futureOrder)],
    ['position', messages.position(position)],
    ['position', messages.position(futurePosition)],
    ['positionEnd', messages.positionEnd()],
    ['openOrder', openOrder(serverVersion, order)],
    ['openOrder', openOrder(serverVersion, trailingOrder)],
    ['completedOrder', completedOrder(serverVersion, order, { completedAtMs: 1_767_268_800_000, parentPermId: 99 })],
    ['completedOrder', completedOrder(serverVersion, trailingOrder, { completedAtMs: 1_767_268_800_000, parentPermId: 99 })],
    ['completedOrdersEnd', messages.completedOrdersEnd()],
    ['tickPrice+tickSize', md.tickPrice(4, md.TickType.DELAYED_LAST, 189.5, 1)],
    ['tickSize', md.tickSize(4, md.TickType.DELAYED_VOLUME, 1000)],
    ['tickSnapshotEnd', md.tickSnapshotEnd(4)],
    ['marketDataType', md.marketDataType(4, 3)],
    ['tickReqParams', md.tickReqParams(4, 0.01, '', 3)],
    ['updateAccountValue', account.accountValue('NetLiquidation', '1000012.50', 'USD', 'DU1234567')],
    ['updatePortfolio', account.portfolioValue(position)],
    ['updatePortfolio', account.portfolioValue(futurePosition)],
    ['updateAccountTime', account.accountUpdateTime(1_767_268_800_000)],
    ['accountDownloadEnd', account.accountDownloadEnd('DU1234567')],
    ['accountSummary', account.accountSummary(9, 'DU1234567', 'BuyingPower', '3999000.00', 'USD')],
    ['accountSummaryEnd', account.accountSummaryEnd(9)],
    ['accountUpdateMulti', account.accountUpdateMulti(10, 'DU1234567', '', 'CashBalance', '-3000.00', 'BASE')],
    ['accountUpdateMultiEnd', account.accountUpdateMultiEnd(10)],
    ['pnl', account.pnl(11, figures)],
    ['pnlSingle', account.pnlSingle(12, -40, figures, -3992)],
    ['contractDetails', contractData(serverVersion, 13, details)],
    ['contractDetailsEnd', contractDataEnd(13)],
  ];
}
