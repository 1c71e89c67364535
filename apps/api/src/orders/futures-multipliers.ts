/**
 * Contract multipliers of the futures TradingView users trade most, by IB symbol: what one point is worth. Max
 * notional needs them; a future not listed here (and without one in the contract map) cannot be checked.
 */
const MULTIPLIERS: Record<string, number> = {
  ES: 50, MES: 5, NQ: 20, MNQ: 2, YM: 5, MYM: 0.5, RTY: 50, M2K: 5, NKD: 5,
  CL: 1000, MCL: 100, NG: 10000, GC: 100, MGC: 10, SI: 5000, HG: 25000,
  ZB: 1000, ZN: 1000, ZF: 1000, ZT: 2000, ZC: 50, ZS: 50, ZW: 50,
};

export function knownFuturesMultiplier(symbol: string): number | null {
  return MULTIPLIERS[symbol.toUpperCase()] ?? null;
}
