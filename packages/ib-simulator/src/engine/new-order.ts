/** Orders from requests: a PLACE_ORDER's SimOrder with TWS's defaults, and the market order a manual trade is. */
import type { ManualTrade, SimOrder } from '../types';
import type { PlaceOrderRequest } from '../wire/client-requests';
import { futureExpiries } from './contract-catalog';
import { contractSpec } from './contract-specs';
import { conIdFor } from './ids';

/** A future's expiry and multiplier, which IB sends with the contract (positions, executions, orders). */
function futureFields(request: PlaceOrderRequest, nowMs: number): Pick<SimOrder, 'lastTradeDate' | 'multiplier'> {
  if (request.secType !== 'FUT') return {};
  const named = request.lastTradeDate || request.localSymbol; // a root alone is refused as ambiguous
  return {
    lastTradeDate: named ? futureExpiries(request, nowMs)[0] : '',
    multiplier: contractSpec('FUT', request.symbol, 0).multiplier,
  };
}

export function newOrder(clientId: number, request: PlaceOrderRequest, receivedAt: number, defaultAccount: string): SimOrder {
  const quantity = request.totalQuantity ?? 0;
  return {
    orderId: request.orderId,
    clientId,
    permId: 0,
    conId: request.conId || conIdFor(request.symbol),
    symbol: request.symbol,
    secType: request.secType || 'STK',
    exchange: request.exchange || 'SMART',
    primaryExchange: request.primaryExchange,
    currency: request.currency || 'USD',
    localSymbol: request.localSymbol || request.symbol,
    ...futureFields(request, receivedAt),
    action: request.action === 'SELL' ? 'SELL' : 'BUY',
    totalQuantity: quantity,
    orderType: request.orderType,
    lmtPrice: request.lmtPrice,
    auxPrice: request.auxPrice,
    tif: request.tif || 'DAY',
    ocaGroup: request.ocaGroup,
    orderRef: request.orderRef,
    account: request.account || defaultAccount,
    parentId: request.parentId,
    transmit: request.transmit,
    outsideRth: request.outsideRth,
    ocaType: request.ocaType,
    trailStopPrice: request.trailStopPrice,
    trailingPercent: request.trailingPercent,
    lmtPriceOffset: request.lmtPriceOffset,
    status: 'PreSubmitted',
    filled: 0,
    remaining: quantity,
    avgFillPrice: 0,
    receivedAt,
  };
}

/** A trade made in TWS by hand, as the market order the engine fills. */
export function manualTradeRequest(trade: ManualTrade, orderId: number, defaultAccount: string): PlaceOrderRequest {
  return {
    symbol: trade.symbol, secType: trade.secType ?? 'STK', currency: trade.currency ?? 'USD', orderId, conId: 0,
    lastTradeDate: trade.lastTradeDate ?? '', localSymbol: trade.localSymbol ?? '', exchange: trade.secType === 'FUT' ? '' : 'SMART',
    primaryExchange: '', action: trade.quantity > 0 ? 'BUY' : 'SELL', totalQuantity: Math.abs(trade.quantity), orderType: 'MKT',
    lmtPrice: undefined, auxPrice: undefined, tif: 'DAY', ocaGroup: '', account: trade.account ?? defaultAccount,
    orderRef: trade.orderRef ?? 'manual', transmit: true, parentId: 0,
  };
}
