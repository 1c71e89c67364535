import type { ContractSpec, OrderSpec } from '../ib/ib-types';
import type { PendingAlert } from './pending-alert';

export interface StrategyDefaults {
  quantity: string | null;
  orderType: string | null;
}

/** A stable reference from IB's order back to the alert, unique even across database resets. */
export function orderRefFor(alert: Pick<PendingAlert, 'id' | 'receivedAt'>): string {
  return `TH-${alert.id}-${Math.floor(alert.receivedAt.getTime() / 1000).toString(36)}`;
}

/** Pure: quantity from the alert, else the strategy's default, else 1; MKT unless the alert says otherwise. */
export function buildOrder(alert: PendingAlert, defaults: StrategyDefaults = { quantity: null, orderType: null }): OrderSpec {
  const orderType = alert.orderType ?? defaults.orderType ?? 'MKT';
  const needsLimit = orderType === 'LMT' || orderType === 'STP LMT';
  return {
    side: alert.direction as OrderSpec['side'], // EXIT/REVERSE/CANCEL are planned into BUY/SELL first (orderProblem checks)
    quantity: alert.quantity ?? defaults.quantity ?? '1',
    orderType,
    limitPrice: needsLimit ? alert.limitPrice ?? alert.price : null,
    stopPrice: orderType.startsWith('STP') ? alert.stopPrice : null,
    tif: alert.tif ?? 'DAY',
    orderRef: orderRefFor(alert),
    ...(alert.exits?.outsideRth ? { outsideRth: true } : {}),
  };
}

/** An order IB would reject, or that would not do what the trader meant, named before anything is sent. */
export function orderProblem(order: OrderSpec, contract: ContractSpec): string | null {
  if (order.side !== 'BUY' && order.side !== 'SELL') return `Refused: ${String(order.side)} was not turned into BUY or SELL`;
  const quantity = Number(order.quantity);
  if (!(quantity > 0)) return `Refused: the quantity must be greater than 0 (it is ${order.quantity})`;
  if (order.orderType.startsWith('STP') && order.stopPrice === null) {
    return `Refused: a ${order.orderType} order needs a stopPrice in the alert`;
  }
  if (contract.secType === 'FUT' && !Number.isInteger(quantity)) {
    return `Refused: futures trade whole contracts, not ${order.quantity}`;
  }
  return null;
}
