/**
 * Parsing of the client → server messages the simulator understands, at server versions 166..193
 * (layouts from @stoqey/ib's encoder). A field that cannot be read throws a RequestDecodeError.
 */
import { MinServerVersion } from './message-ids';
import { type PlaceOrderExtras, parsePlaceOrderExtras } from './place-order-extras';

export class RequestDecodeError extends Error {
  constructor(
    message: string,
    /** The order / request id the bad message referred to, when it could be read. */
    readonly id = -1,
  ) {
    super(message);
    this.name = 'RequestDecodeError';
  }
}

export function requireField(fields: readonly string[], index: number, name: string): string {
  if (index >= fields.length) throw new RequestDecodeError(`missing field ${name} (index ${index})`);
  return fields[index];
}

/** The contract part both REQ_MKT_DATA and REQ_CONTRACT_DATA send after their request id, at the same indices. */
export interface RequestedContract {
  symbol: string;
  secType: string;
  lastTradeDate: string;
  exchange: string;
  currency: string;
  localSymbol: string;
}

/** Reads it: conId 3, symbol 4, secType 5, lastTradeDate 6, (strike, right, multiplier), exchange 10, currency 12, localSymbol 13. */
export function readRequestedContract(fields: readonly string[]): RequestedContract {
  const text = (index: number, name: string) => requireField(fields, index, name);
  return {
    symbol: text(4, 'symbol'), secType: text(5, 'secType'), lastTradeDate: text(6, 'lastTradeDate'),
    exchange: text(10, 'exchange'), currency: text(12, 'currency'), localSymbol: text(13, 'localSymbol'),
  };
}

export function readInt(fields: readonly string[], index: number, name: string): number {
  const text = requireField(fields, index, name);
  if (text === '') return 0;
  if (!/^-?\d+$/.test(text)) throw new RequestDecodeError(`field ${name} is not an integer: "${text}"`);
  return Number(text);
}

/** An optional double: empty or Double.MAX_VALUE means unset. */
function readOptionalDouble(fields: readonly string[], index: number, name: string): number | undefined {
  const text = requireField(fields, index, name);
  if (text === '') return undefined;
  const value = Number(text);
  if (Number.isNaN(value)) throw new RequestDecodeError(`field ${name} is not a number: "${text}"`);
  return value === Number.MAX_VALUE ? undefined : value;
}

export function messageId(fields: readonly string[]): number {
  return readInt(fields, 0, 'messageId');
}

/** START_API: 71, version, clientId, optionalCapabilities. */
export function parseStartApi(fields: readonly string[]): { clientId: number } {
  return { clientId: readInt(fields, 2, 'clientId') };
}

/** REQ_IDS: 8, version, numIds. */
export function parseReqIds(fields: readonly string[]): { numIds: number } {
  return { numIds: readInt(fields, 2, 'numIds') };
}

/** REQ_COMPLETED_ORDERS: 99, apiOnly. */
export function parseReqCompletedOrders(fields: readonly string[]): { apiOnly: boolean } {
  return { apiOnly: readInt(fields, 1, 'apiOnly') !== 0 };
}

/** CANCEL_ORDER: from 192 `4, orderId, …`; before that `4, version, orderId, …`. */
export function parseCancelOrder(fields: readonly string[], serverVersion: number): { orderId: number } {
  const index = serverVersion >= MinServerVersion.CME_TAGGING_FIELDS ? 1 : 2;
  return { orderId: readInt(fields, index, 'orderId') };
}

export interface ExecutionFilter {
  reqId: number;
  clientId: number;
  acctCode: string;
  time: string;
  symbol: string;
  secType: string;
  exchange: string;
  side: string;
}

/** REQ_EXECUTIONS: 7, version, reqId, clientId, acctCode, time, symbol, secType, exchange, side. */
export function parseReqExecutions(fields: readonly string[]): ExecutionFilter {
  const text = (index: number, name: string) => requireField(fields, index, name);
  return {
    reqId: readInt(fields, 2, 'reqId'),
    clientId: readInt(fields, 3, 'clientId'),
    acctCode: text(4, 'acctCode'),
    time: text(5, 'time'),
    symbol: text(6, 'symbol'),
    secType: text(7, 'secType'),
    exchange: text(8, 'exchange'),
    side: text(9, 'side'),
  };
}

export interface PlaceOrderRequest extends Partial<PlaceOrderExtras> {
  orderId: number;
  conId: number;
  symbol: string;
  secType: string;
  lastTradeDate: string;
  exchange: string;
  primaryExchange: string;
  currency: string;
  localSymbol: string;
  action: string;
  totalQuantity: number | undefined;
  orderType: string;
  lmtPrice: number | undefined;
  auxPrice: number | undefined;
  tif: string;
  ocaGroup: string;
  account: string;
  orderRef: string;
  /** An empty transmit field reads as false, as TWS reads it: the order is held, not sent. */
  transmit: boolean;
  parentId: number;
}

/**
 * PLACE_ORDER. Without a version field (server ≥ 145) the leading fields sit at fixed indices:
 * 1 orderId, 2–15 contract, 16 action, 17 totalQuantity, 18 orderType, 19 lmtPrice, 20 auxPrice, 21 tif,
 * 22 ocaGroup, 23 account, 24 openClose, 25 origin, 26 orderRef, 27 transmit, 28 parentId; the exit fields
 * further on are found by place-order-extras.ts.
 */
export function parsePlaceOrder(fields: readonly string[], serverVersion: number): PlaceOrderRequest {
  const orderId = readInt(fields, 1, 'orderId');
  try {
    const text = (index: number, name: string) => requireField(fields, index, name);
    return {
      ...parsePlaceOrderExtras(fields, serverVersion, text(4, 'secType'), text(18, 'orderType')),
      orderId,
      conId: readInt(fields, 2, 'conId'),
      symbol: text(3, 'symbol'),
      secType: text(4, 'secType'),
      lastTradeDate: text(5, 'lastTradeDate'),
      exchange: text(9, 'exchange'),
      primaryExchange: text(10, 'primaryExch'),
      currency: text(11, 'currency'),
      localSymbol: text(12, 'localSymbol'),
      action: text(16, 'action'),
      totalQuantity: readOptionalDouble(fields, 17, 'totalQuantity'),
      orderType: text(18, 'orderType'),
      lmtPrice: readOptionalDouble(fields, 19, 'lmtPrice'),
      auxPrice: readOptionalDouble(fields, 20, 'auxPrice'),
      tif: text(21, 'tif'),
      ocaGroup: text(22, 'ocaGroup'),
      account: text(23, 'account'),
      orderRef: text(26, 'orderRef'),
      transmit: readInt(fields, 27, 'transmit') !== 0,
      parentId: readInt(fields, 28, 'parentId'),
    };
  } catch (error) {
    throw error instanceof RequestDecodeError ? new RequestDecodeError(error.message, orderId) : error;
  }
}
