/** Pure order rules: what is accepted, when an order is marketable, how it is split and charged. */
import type { SimOrder } from '../types';

export const SUPPORTED_ORDER_TYPES = ['MKT', 'LMT', 'STP', 'STP LMT'] as const;

export interface OrderTerms {
  action: string;
  totalQuantity: number | undefined;
  orderType: string;
  lmtPrice: number | undefined;
  auxPrice: number | undefined;
}

/** The reason TWS would give for rejecting these terms, or undefined if they are acceptable. */
export function rejectionReason(terms: OrderTerms): string | undefined {
  if (terms.action !== 'BUY' && terms.action !== 'SELL') return `Invalid action: ${terms.action}`;
  if (!(terms.totalQuantity !== undefined && terms.totalQuantity > 0)) return 'Order quantity must be positive';
  if (!(SUPPORTED_ORDER_TYPES as readonly string[]).includes(terms.orderType)) {
    return `Unsupported order type: ${terms.orderType}`;
  }
  const needsLimit = terms.orderType === 'LMT' || terms.orderType === 'STP LMT';
  const needsStop = terms.orderType === 'STP' || terms.orderType === 'STP LMT';
  if (needsLimit && !(terms.lmtPrice !== undefined && terms.lmtPrice > 0)) return 'Limit price is required';
  if (needsStop && !(terms.auxPrice !== undefined && terms.auxPrice > 0)) return 'Stop price is required';
  return undefined;
}

export function hasStop(order: SimOrder): boolean {
  return order.orderType === 'STP' || order.orderType === 'STP LMT';
}

/** A BUY stop triggers at or above its stop price, a SELL stop at or below. */
export function stopTriggered(order: SimOrder, price: number): boolean {
  const stop = order.auxPrice ?? NaN;
  return order.action === 'BUY' ? price >= stop : price <= stop;
}

/**
 * The price at which an order (already triggered, if it has a stop) can fill now, or undefined if it must
 * rest. A limit fills at the market when that is better, never worse than the limit.
 */
export function executablePrice(order: SimOrder, marketPrice: number): number | undefined {
  if (order.orderType === 'MKT' || order.orderType === 'STP') return marketPrice;
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
