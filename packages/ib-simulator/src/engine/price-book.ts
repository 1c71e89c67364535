/** Current prices per symbol and the random walk that moves them. */
import type { Random } from './prng';

export const DEFAULT_PRICE = 100;

/** Prices are quoted in cents, sub-dollar ones in hundredths of a cent. */
export function roundToTick(price: number): number {
  const ticksPerUnit = price >= 1 ? 100 : 10_000;
  return Math.round(price * ticksPerUnit) / ticksPerUnit;
}

export class PriceBook {
  /** Unrounded so that small walk steps accumulate instead of being rounded away. */
  private readonly exact = new Map<string, number>();

  constructor(initial: Record<string, number>) {
    for (const [symbol, price] of Object.entries(initial)) this.set(symbol, price);
  }

  get(symbol: string): number {
    return roundToTick(this.exact.get(symbol) ?? DEFAULT_PRICE);
  }

  set(symbol: string, price: number): void {
    if (!(price > 0) || !Number.isFinite(price)) throw new RangeError(`price for ${symbol} must be positive: ${price}`);
    this.exact.set(symbol, price);
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
