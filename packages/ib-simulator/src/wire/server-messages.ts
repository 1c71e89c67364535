/**
 * Encoders for the short server → client messages. Each returns the field list of one frame; the layouts are
 * the ones @stoqey/ib 1.6.10's decoder reads (see its decodeMsg_* functions).
 */
import type { Position, SimExecution, SimOrder } from '../types';
import { contractFields } from './contract-fields';
import { bool, decimal, double, type Field, ibTimestamp, int } from './format';
import { MinServerVersion, Outgoing } from './message-ids';

/** The unframed-field reply to the handshake: the agreed version and the connection time. */
export function serverHello(serverVersion: number, nowMs: number): Field[] {
  return [int(serverVersion), ibTimestamp(nowMs)];
}

export function nextValidId(orderId: number): Field[] {
  return [int(Outgoing.NEXT_VALID_ID), '1', int(orderId)];
}

export function managedAccounts(accounts: readonly string[]): Field[] {
  return [int(Outgoing.MANAGED_ACCTS), '1', accounts.join(',')];
}

/** id −1 reaches the client as an `info` event, any other id as an `error` event. */
export function errorMessage(serverVersion: number, id: number, code: number, message: string): Field[] {
  const fields = [int(Outgoing.ERR_MSG), '2', int(id), int(code), message];
  if (serverVersion >= MinServerVersion.ADVANCED_ORDER_REJECT) fields.push('');
  return fields;
}

export function currentTime(nowMs: number): Field[] {
  return [int(Outgoing.CURRENT_TIME), '1', int(Math.floor(nowMs / 1000))];
}

/** No version field from MARKET_CAP_PRICE (131) on. */
export function orderStatus(order: SimOrder, lastFillPrice: number): Field[] {
  return [
    int(Outgoing.ORDER_STATUS),
    int(order.orderId),
    order.status,
    decimal(order.filled),
    decimal(order.remaining),
    double(order.avgFillPrice),
    int(order.permId),
    int(order.parentId),
    double(lastFillPrice),
    int(order.clientId),
    '', // whyHeld
    '0', // mktCapPrice
  ];
}

export function openOrderEnd(): Field[] {
  return [int(Outgoing.OPEN_ORDER_END), '1'];
}

/** reqId −1 for live fills, the request's id when replaying for reqExecutions. No version field from 136 on. */
export function executionData(serverVersion: number, reqId: number, execution: SimExecution, order: SimOrder): Field[] {
  const fields = [
    int(Outgoing.EXECUTION_DATA),
    int(reqId),
    int(execution.orderId),
    ...contractFields(order, execution.exchange),
    execution.execId,
    execution.time,
    execution.account,
    execution.exchange,
    execution.side,
    decimal(execution.shares),
    double(execution.price),
    int(execution.permId),
    int(execution.clientId),
    '0', // liquidation
    decimal(execution.cumQty),
    double(execution.avgPrice),
    execution.orderRef,
    '', // evRule
    '', // evMultiplier
    '', // modelCode
    order.orderType === 'MKT' || order.orderType === 'STP' ? '2' : '1', // lastLiquidity: removed / added
  ];
  if (serverVersion >= MinServerVersion.PENDING_PRICE_REVISION) fields.push(bool(false));
  return fields;
}

export function executionDataEnd(reqId: number): Field[] {
  return [int(Outgoing.EXECUTION_DATA_END), '1', int(reqId)];
}

/** realizedPNL: the fill's, after commissions; unset (Double.MAX_VALUE) for an opening fill, as TWS does. */
export function commissionReport(execution: SimExecution): Field[] {
  return [
    int(Outgoing.COMMISSION_REPORT),
    '1',
    execution.execId,
    double(execution.commission),
    execution.currency,
    double(execution.realizedPnl),
    double(undefined), // yield
    '0', // yieldRedemptionDate
  ];
}

export function position(entry: Position): Field[] {
  const { order } = entry;
  return [
    int(Outgoing.POSITION),
    '3',
    entry.account,
    ...contractFields(order, order.primaryExchange),
    decimal(entry.quantity),
    double(entry.avgCost),
  ];
}

export function positionEnd(): Field[] {
  return [int(Outgoing.POSITION_END), '1'];
}

/** The one message without even a version field. */
export function completedOrdersEnd(): Field[] {
  return [int(Outgoing.COMPLETED_ORDERS_END)];
}
