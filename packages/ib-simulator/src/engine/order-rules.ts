/** Pure order rules: what is accepted, when an order is marketable, how it is split and charged. */
import type { SimOrder } from '../types';
import { conformsToTick } from './contract-specs';

export const SUPPORTED_ORDER_TYPES = ['MKT', 'LMT', 'STP', 'STP LMT', 'TRAIL', 'TRAIL LIMIT'] as const;

export interface OrderTerms {
  action: string;
  totalQuantity: number | undefined;
  orderType: string;
  lmtPrice: number | undefined;
  auxPrice: number | undefined;
  trailingPercent?: number;
  trailStopPrice?: number;
  lmtPriceOffset?: number;
}

const positive = (value: number | undefined): value is number => value !== undefined && value > 0;
export const isTrailing = (orderType: string): boolean => orderType === 'TRAIL' || orderType === 'TRAIL LIMIT';

/** The reason TWS would give for rejecting these terms, or undefined if they are acceptable. */
export function rejectionReason(terms: OrderTerms): string | undefined {
  if (terms.action !== 'BUY' && terms.action !== 'SELL') return `Invalid action: ${terms.action}`;
  if (!(terms.totalQuantity !== undefined && terms.totalQuantity > 0)) return 'Order quantity must be positive';
  if (!(SUPPORTED_ORDER_TYPES as readonly string[]).includes(terms.orderType)) {
    return `Unsupported order type: ${terms.orderType}`;
  }
  const needsLimit = terms.orderType === 'LMT' || terms.orderType === 'STP LMT';
  const needsStop = terms.orderType === 'STP' || terms.orderType === 'STP LMT';
  if (needsLimit && !positive(terms.lmtPrice)) return 'Limit price is required';
  if (needsStop && !positive(terms.auxPrice)) return 'Stop price is required';
  if (isTrailing(terms.orderType) && !positive(terms.auxPrice) && !positive(terms.trailingPercent)) {
    return 'Trailing amount or trailing percent is required';
  }
  if (terms.orderType === 'TRAIL LIMIT' && terms.lmtPriceOffset === undefined && !positive(terms.lmtPrice)) {
    return 'Limit price offset is required';
  }
  return undefined;
}

/**
 * The first price that is not a whole number of ticks (IB's error 110), or undefined. Each price is held to the tick
 * at that price (a stock's tick depends on it, as IB's market rules do); a trailing amount and a limit offset are
 * distances, held to the tick at the market. A trailing percent need not conform.
 */
export function offTickPrice(terms: OrderTerms, tickAt: (price: number) => number, marketPrice: number): number | undefined {
  const trailing = isTrailing(terms.orderType);
  const stopIsPrice = terms.orderType === 'STP' || terms.orderType === 'STP LMT';
  const prices = [terms.lmtPrice, stopIsPrice ? terms.auxPrice : undefined, terms.trailStopPrice];
  const distances = [trailing && !positive(terms.trailingPercent) ? terms.auxPrice : undefined, terms.lmtPriceOffset];
  const off = (value: number | undefined, tick: number) => value !== undefined && value !== 0 && !conformsToTick(value, tick);
  return prices.find((price) => off(price, tickAt(price ?? 0))) ?? distances.find((distance) => off(distance, tickAt(marketPrice)));
}

/**
 * Which order types a stock order's outsideRth lets work outside regular hours: limit types. IB does not run
 * market or stop-market orders there (a stop does not trigger), whatever the flag says.
 */
export function worksOutsideRth(order: SimOrder): boolean {
  return order.outsideRth === true && ['LMT', 'STP LMT', 'TRAIL LIMIT'].includes(order.orderType);
}

export function hasStop(order: SimOrder): boolean {
  return order.orderType === 'STP' || order.orderType === 'STP LMT' || isTrailing(order.orderType);
}

/** A BUY stop triggers at or above its stop price, a SELL stop at or below; a trailing stop at its current one. */
export function stopTriggered(order: SimOrder, price: number): boolean {
  const stop = (isTrailing(order.orderType) ? order.trailStopPrice : order.auxPrice) ?? NaN;
  return order.action === 'BUY' ? price >= stop : price <= stop;
}

/**
 * The price at which an order (already triggered, if it has a stop) can fill now, or undefined if it must
 * rest. A limit fills at the market when that is better, never worse than the limit.
 */
export function executablePrice(order: SimOrder, marketPrice: number): number | undefined {
  if (order.orderType === 'MKT' || order.orderType === 'STP' || order.orderType === 'TRAIL') return marketPrice;
  const limit = order.lmtPrice ?? NaN;
  if (order.action === 'BUY') return marketPrice <= limit ? marketPrice : undefined;
  return marketPrice >= limit ? marketPrice : undefined;
}

/** Splits a quantity into at most `parts` fills as evenly as whole shares allow (larger ones first). */
export function splitQuantity(total: number, parts: number): number[] {
  // A fractional quantity is not split: one fill of the whole amount.
  if (!Number.isInteger(total)) return [total];
  const count = Math.max(1, Math.min(Math.floor(parts), total));
  const base = Math.floor(total / count);
  const extra = total - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < extra ? 1 : 0));
}

/** Per-share commission with a minimum per execution, rounded to kill float noise. */
export function commissionFor(shares: number, perShare: number, minimum = 1): number {
  return Math.round(Math.max(minimum, shares * perShare) * 1e6) / 1e6;
}

/** Averages are rounded to 8 decimals so that float noise does not leak onto the wire. */
export function roundAverage(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}

/** Volume-weighted average price after adding `shares` at `price` to `priorQty` at `priorAvg`. */
export function nextAverage(priorQty: number, priorAvg: number, shares: number, price: number): number {
  const total = priorQty + shares;
  return total === 0 ? 0 : roundAverage((priorQty * priorAvg + shares * price) / total);
}
