/**
 * Market data on the wire: the client's REQ_MKT_DATA / CANCEL_MKT_DATA / REQ_MARKET_DATA_TYPE, and the ticks TWS
 * answers with. Layouts follow IB's EDecoder (processTickPriceMsg & co.), identical for server versions 166..193:
 *   TICK_PRICE 1:         1, version 6, tickerId, tickType, price, size, attrMask
 *   TICK_SIZE 2:          2, version 6, tickerId, tickType, size
 *   TICK_SNAPSHOT_END 57: 57, version 1, tickerId
 *   MARKET_DATA_TYPE 58:  58, version 1, tickerId, marketDataType
 *   TICK_REQ_PARAMS 81:   81, tickerId, minTick, bboExchange, snapshotPermissions (no version field)
 */
import { RequestDecodeError, readInt, readRequestedContract, type RequestedContract } from './client-requests';
import { decimal, double, type Field, int } from './format';
import { Outgoing } from './message-ids';

/** IB's tick types the simulator sends; delayed ones are the live id + 65 (bid, ask, last) or + 66 (sizes). */
export const TickType = {
  BID_SIZE: 0, BID: 1, ASK: 2, ASK_SIZE: 3, LAST: 4, LAST_SIZE: 5, VOLUME: 8,
  DELAYED_BID: 66, DELAYED_ASK: 67, DELAYED_LAST: 68, DELAYED_VOLUME: 74,
} as const;

/** attrMask bits: 1 canAutoExecute, 2 pastLimit, 4 preOpen. */
export function tickPrice(tickerId: number, tickType: number, price: number, size: number, attrMask = 0): Field[] {
  return [int(Outgoing.TICK_PRICE), '6', int(tickerId), int(tickType), double(price), decimal(size), int(attrMask)];
}

export function tickSize(tickerId: number, tickType: number, size: number): Field[] {
  return [int(Outgoing.TICK_SIZE), '6', int(tickerId), int(tickType), decimal(size)];
}

export function tickSnapshotEnd(tickerId: number): Field[] {
  return [int(Outgoing.TICK_SNAPSHOT_END), '1', int(tickerId)];
}

/** 1 live, 2 frozen, 3 delayed, 4 delayed frozen: what the following ticks of this request are. */
export function marketDataType(tickerId: number, type: number): Field[] {
  return [int(Outgoing.MARKET_DATA_TYPE), '1', int(tickerId), int(type)];
}

export function tickReqParams(tickerId: number, minTick: number, bboExchange: string, snapshotPermissions: number): Field[] {
  return [int(Outgoing.TICK_REQ_PARAMS), int(tickerId), double(minTick), bboExchange, int(snapshotPermissions)];
}

export interface MarketDataRequest extends RequestedContract {
  tickerId: number;
  snapshot: boolean;
}

/**
 * REQ_MKT_DATA at 166..193: 1, version 11, tickerId, conId, symbol, secType, lastTradeDate, strike, right,
 * multiplier, exchange, primaryExch, currency, localSymbol, tradingClass, [combo legs for BAG], deltaNeutral flag
 * [+ conId, delta, price], genericTickList, snapshot, regulatorySnapshot, mktDataOptions. The tail is read from the
 * end so the optional blocks in the middle need no parsing.
 */
export function parseReqMktData(fields: readonly string[]): MarketDataRequest {
  const tickerId = readInt(fields, 2, 'tickerId');
  if (fields.length < 20) throw new RequestDecodeError(`REQ_MKT_DATA has ${fields.length} fields, expected at least 20`, tickerId);
  return { tickerId, ...readRequestedContract(fields), snapshot: readInt(fields, fields.length - 3, 'snapshot') !== 0 };
}

/** CANCEL_MKT_DATA: 2, version, tickerId. */
export function parseCancelMktData(fields: readonly string[]): { tickerId: number } {
  return { tickerId: readInt(fields, 2, 'tickerId') };
}

/** REQ_MARKET_DATA_TYPE: 59, version, marketDataType. */
export function parseReqMarketDataType(fields: readonly string[]): { type: number } {
  const type = readInt(fields, 2, 'marketDataType');
  if (type < 1 || type > 4) throw new RequestDecodeError(`market data type must be 1..4, got ${type}`);
  return { type };
}
