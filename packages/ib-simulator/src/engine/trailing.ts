/**
 * Trailing stops as IB runs them: a SELL trail keeps its stop `amount` (auxPrice) or `trailingPercent` below the best
 * price seen since it went live, a BUY trail above the lowest; the stop only ever moves in the order's favour and is
 * kept on the contract's tick. Once triggered, TRAIL trades at the market and TRAIL LIMIT at stop ∓ lmtPriceOffset.
 * The current stop is order.trailStopPrice, which OPEN_ORDER reports (reqOpenOrders / the next status change).
 */
import type { SimOrder } from '../types';
import { isTrailing } from './order-rules';

/** Rounds to the tick in the given direction, ignoring binary float noise (99.5 / 0.01 is 9949.999…). */
const onTick = (price: number, minTick: number, direction: 'down' | 'up'): number => {
  const ticks = direction === 'down' ? Math.floor(price / minTick + 1e-9) : Math.ceil(price / minTick - 1e-9);
  return Number((ticks * minTick).toFixed(10));
};

/** The stop a trail would sit at for this market price: for a SELL, rounded down to the tick (never tighter). */
function stopFor(order: SimOrder, price: number, minTick: number): number {
  const distance = order.trailingPercent ? (price * order.trailingPercent) / 100 : (order.auxPrice ?? 0);
  return order.action === 'SELL' ? onTick(price - distance, minTick, 'down') : onTick(price + distance, minTick, 'up');
}

/**
 * Moves the trail to the market price when that is in the order's favour; sets it first when the order goes live
 * (unless the client gave an initial trailStopPrice). Returns true when the stop moved.
 */
export function followTrail(order: SimOrder, price: number, minTick: number): boolean {
  if (!isTrailing(order.orderType)) return false;
  const candidate = stopFor(order, price, minTick);
  const current = order.trailStopPrice;
  const better = current === undefined || (order.action === 'SELL' ? candidate > current : candidate < current);
  if (!better) return false;
  order.trailStopPrice = candidate;
  return true;
}

/** Sets the trail when the order goes live; a TRAIL LIMIT given a lmtPrice instead of an offset keeps that distance. */
export function startTrail(order: SimOrder, price: number, minTick: number): void {
  followTrail(order, price, minTick);
  if (order.orderType === 'TRAIL LIMIT' && order.lmtPriceOffset === undefined && order.trailStopPrice !== undefined) {
    order.lmtPriceOffset = Math.abs(order.trailStopPrice - (order.lmtPrice ?? order.trailStopPrice));
  }
}

/** A TRAIL LIMIT's limit once triggered: the stop minus (SELL) or plus (BUY) the limit offset. */
export function fixTrailLimit(order: SimOrder): void {
  if (order.orderType !== 'TRAIL LIMIT' || order.trailStopPrice === undefined) return;
  const offset = order.lmtPriceOffset ?? 0;
  order.lmtPrice = Number((order.trailStopPrice + (order.action === 'SELL' ? -offset : offset)).toFixed(10));
}
