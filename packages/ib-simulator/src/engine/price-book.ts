/** Current prices per symbol and the random walk that moves them. */
import type { Random } from './prng';

export const DEFAULT_PRICE = 100;

/**
 * Prices are quoted in cents, sub-dollar ones in hundredths of a cent — or finer, when the price a symbol was set
 * at had more decimals (a currency pair set at 1.08765 keeps quoting in 1/100,000: fills are not cut to 1.09).
 */
export function roundToTick(price: number, decimals = 0): number {
  const perUnit = ticksPerUnit(price, decimals);
  return Math.round(price * perUnit) / perUnit;
}

const ticksPerUnit = (price: number, decimals = 0): number => Math.max(price >= 1 ? 100 : 10_000, 10 ** Math.min(decimals, 8));

/** What market data shows: the price as last, one tick either side as bid and ask. */
export interface Quote {
  bid: number;
  ask: number;
  last: number;
  minTick: number;
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

  /**
   * `initial` prices walk from the start; `fallbacks` (a listed contract's illustrative price) only once the symbol
   * is tracked (traded or quoted), so an unused default list neither costs a walk step nor changes its random path.
   */
  /** `tickOf` gives a contract tick coarser than cents (a future's 0.25): its prices, quotes and fills stay on it. */
  constructor(
    initial: Record<string, number>,
    private readonly fallbacks: Record<string, number> = {},
    private readonly tickOf: (symbol: string) => number | undefined = () => undefined,
  ) {
    for (const [symbol, price] of Object.entries(initial)) this.set(symbol, price);
  }

  get(symbol: string): number {
    const tick = this.tickOf(symbol);
    if (!this.exact.has(symbol) && symbol in this.fallbacks) return roundToTick(this.fallbacks[symbol], decimalsOf(this.fallbacks[symbol]));
    const price = roundToTick(this.exact.get(symbol) ?? DEFAULT_PRICE, this.decimals.get(symbol));
    return tick === undefined ? price : Number((Math.round(price / tick) * tick).toFixed(10));
  }

  quote(symbol: string): Quote {
    const last = this.get(symbol);
    const decimals = this.decimals.get(symbol);
    const minTick = this.tickOf(symbol) ?? 1 / ticksPerUnit(last, decimals);
    const step = (price: number) => Number(roundToTick(price, Math.max(decimals ?? 0, 10)).toFixed(10));
    return { bid: step(last - minTick), ask: step(last + minTick), last, minTick };
  }

  set(symbol: string, price: number): void {
    if (!(price > 0) || !Number.isFinite(price)) throw new RangeError(`price for ${symbol} must be positive: ${price}`);
    this.exact.set(symbol, price);
    this.decimals.set(symbol, decimalsOf(price));
  }

  /** Makes a symbol part of the walk at its current (possibly default) price. */
  track(symbol: string): void {
    if (!this.exact.has(symbol)) this.set(symbol, this.fallbacks[symbol] ?? DEFAULT_PRICE);
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
