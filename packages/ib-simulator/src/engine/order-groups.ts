/**
 * How a fill spreads to an order's relatives. Bracket children go live for the part of the parent that has filled,
 * each in proportion to its own quantity (a child as large as the parent follows the parent's filled quantity), and
 * grow as the parent fills further. OCA: type 1 (and 0, IB's default for a group) cancels the others at the first
 * fill; types 2 and 3 reduce the others by the quantity filled, cancelling one that reaches zero (the block of type 2
 * is not modelled). Children of one parent without an OCA group are one implicit cancel-on-fill group, as before.
 */
import type { SimOrder } from '../types';

/** How much of a child (placed for `original`) may work while its parent has filled what it has. */
export function childQuantity(original: number, parent: SimOrder): number {
  if (parent.status === 'Filled' || parent.filled >= parent.totalQuantity) return original;
  const share = (original * parent.filled) / parent.totalQuantity;
  return Number.isInteger(original) ? Math.floor(share + 1e-9) : share;
}

export type OcaReaction = 'cancel' | 'reduce';

export function ocaReaction(order: SimOrder): OcaReaction {
  return order.ocaGroup !== '' && (order.ocaType === 2 || order.ocaType === 3) ? 'reduce' : 'cancel';
}

/** Resizes a working order to `quantity` (never below what it has filled); false when nothing changed. */
export function resize(order: SimOrder, quantity: number): boolean {
  const total = Math.max(quantity, order.filled);
  if (total === order.totalQuantity) return false;
  order.totalQuantity = total;
  order.remaining = total - order.filled;
  return true;
}
