/** Current prices per symbol and the random walk that moves them. */
import type { Random } from './prng';

export const DEFAULT_PRICE = 100;

/**
 * Prices are quoted in cents, sub-dollar ones in hundredths of a cent — or finer, when the price a symbol was set
 * at had more decimals (a currency pair set at 1.08765 keeps quoting in 1/100,000: fills are not cut to 1.09).
 */
export function roundToTick(price: number, decimals = 0): number {
  const ticksPerUnit = Math.max(price >= 1 ? 100 : 10_000, 10 ** Math.min(decimals, 8));
  return Math.round(price * ticksPerUnit) / ticksPerUnit;
}

const decimalsOf = (price: number): number => {
  const [, fraction = ''] = String(price).split('.');
  return /e-/i.test(String(price)) ? 8 : fraction.length;
};

export class PriceBook {
  /** Unrounded so that small walk steps accumulate instead of being rounded away. */
  private readonly exact = new Map<string, number>();
  /** The decimals of the price each symbol was set at: its quotes keep at least that precision. */
  private readonly decimals = new Map<string, number>();

  constructor(initial: Record<string, number>) {
    for (const [symbol, price] of Object.entries(initial)) this.set(symbol, price);
  }

  get(symbol: string): number {
    return roundToTick(this.exact.get(symbol) ?? DEFAULT_PRICE, this.decimals.get(symbol));
  }

  set(symbol: string, price: number): void {
    if (!(price > 0) || !Number.isFinite(price)) throw new RangeError(`price for ${symbol} must be positive: ${price}`);
    this.exact.set(symbol, price);
    this.decimals.set(symbol, decimalsOf(price));
  }

  /** Makes a symbol part of the walk at its current (possibly default) price. */
  track(symbol: string): void {
    if (!this.exact.has(symbol)) this.exact.set(symbol, DEFAULT_PRICE);
  }

  symbols(): string[] {
    return [...this.exact.keys()];
  }

  /** Moves every known price by a uniform random fraction in ±maxStepFraction; returns the symbols moved. */
  step(random: Random, maxStepFraction: number): string[] {
    for (const [symbol, price] of this.exact) {
      this.exact.set(symbol, price * (1 + (random() * 2 - 1) * maxStepFraction));
    }
    return this.symbols();
  }
}
