/** A strategy's holding in one contract, as the average-cost method keeps it. */
export interface Holding {
  /** Signed: long > 0, short < 0. */
  quantity: number;
  /** Average entry price of the open quantity; null when flat. */
  avgPrice: number | null;
  /** Realized P&L before commissions, in the contract's currency. */
  grossRealized: number;
}

export const FLAT: Holding = { quantity: 0, avgPrice: null, grossRealized: 0 };

/** Rounds away binary noise (0.1 + 0.2) while keeping every digit IB quotes. */
const clean = (n: number) => Math.round(n * 1e10) / 1e10;

/**
 * Pure: one fill applied to a holding. Adding averages the entry; reducing realizes (price − entry) × quantity ×
 * multiplier and keeps the entry; crossing zero realizes the closed part and opens the rest at the fill price.
 */
export function applyFill(h: Holding, side: 'BUY' | 'SELL', shares: number, price: number, multiplier: number): Holding {
  const signed = side === 'BUY' ? shares : -shares;
  const before = h.quantity;
  const after = clean(before + signed);
  if (before === 0 || Math.sign(before) === Math.sign(signed)) {
    const avg = ((h.avgPrice ?? 0) * Math.abs(before) + price * shares) / Math.abs(after);
    return { quantity: after, avgPrice: clean(avg), grossRealized: h.grossRealized };
  }
  const closed = Math.min(Math.abs(before), shares);
  const realized = clean(h.grossRealized + (price - (h.avgPrice ?? price)) * closed * Math.sign(before) * multiplier);
  if (after === 0) return { quantity: 0, avgPrice: null, grossRealized: realized };
  const crossed = Math.sign(after) !== Math.sign(before);
  return { quantity: after, avgPrice: crossed ? price : h.avgPrice, grossRealized: realized };
}
