/**
 * The futures TradingView users trade most, by IB symbol (root): the IB exchange that lists them, what one point is
 * worth, and whether they roll quarterly (H, M, U, Z — the only cycle a continuous ticker such as ES1! is computed
 * for). Max notional needs the multiplier; a future not listed here (and not in the contract map) cannot be checked.
 */
interface FuturesRoot {
  exchange: string;
  multiplier: number;
  quarterly: boolean;
}

const root = (exchange: string, multiplier: number, quarterly = true): FuturesRoot => ({ exchange, multiplier, quarterly });

const ROOTS: Record<string, FuturesRoot> = {
  ES: root('CME', 50), MES: root('CME', 5), NQ: root('CME', 20), MNQ: root('CME', 2), RTY: root('CME', 50),
  M2K: root('CME', 5), NKD: root('CME', 5), YM: root('CBOT', 5), MYM: root('CBOT', 0.5),
  '6E': root('CME', 125_000), '6B': root('CME', 62_500), '6J': root('CME', 12_500_000),
  ZB: root('CBOT', 1000), ZN: root('CBOT', 1000), ZF: root('CBOT', 1000), ZT: root('CBOT', 2000),
  ZC: root('CBOT', 50, false), ZS: root('CBOT', 50, false), ZW: root('CBOT', 50, false),
  CL: root('NYMEX', 1000, false), MCL: root('NYMEX', 100, false), NG: root('NYMEX', 10_000, false),
  GC: root('COMEX', 100, false), MGC: root('COMEX', 10, false), SI: root('COMEX', 5000, false), HG: root('COMEX', 25_000, false),
};

export function knownFuturesRoot(symbol: string): FuturesRoot | null {
  return ROOTS[symbol.toUpperCase()] ?? null;
}

export function knownFuturesMultiplier(symbol: string): number | null {
  return knownFuturesRoot(symbol)?.multiplier ?? null;
}
