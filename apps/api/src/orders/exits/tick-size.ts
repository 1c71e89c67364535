import type { ContractSpec } from '../../ib/ib-types';
import { contractKeyOf } from '../../positions/contract-key';

/** The price increment an exit is rounded to, and where it was learned. */
export interface TickSize {
  tick: number;
  source: string;
}

/** IB's minTick for a contract (reqContractDetails), or null when IB could not say. */
export type MinTickSource = (contract: ContractSpec) => Promise<number | null>;

/**
 * The most traded futures' ticks, used until IB's contract details give the real one (the simulator does not
 * answer reqContractDetails yet): a wrong tick here only means IB refuses the child (error 110), never a wrong side.
 */
const FUTURES_TICKS: Record<string, number> = {
  ES: 0.25, MES: 0.25, NQ: 0.25, MNQ: 0.25, RTY: 0.1, M2K: 0.1, YM: 1, MYM: 1, NKD: 5,
  '6E': 0.00005, '6B': 0.0001, '6J': 0.0000005, ZB: 1 / 32, ZN: 1 / 64, ZF: 1 / 128, ZT: 1 / 256,
  ZC: 0.25, ZS: 0.25, ZW: 0.25, CL: 0.01, MCL: 0.01, NG: 0.001, GC: 0.1, MGC: 0.1, SI: 0.005, HG: 0.0005,
};
const BY_SEC_TYPE: Record<string, number> = { STK: 0.01, CASH: 0.00005, CFD: 0.01, CRYPTO: 0.01 };

export function fallbackTick(contract: ContractSpec): TickSize {
  const future = contract.secType === 'FUT' ? FUTURES_TICKS[contract.symbol.toUpperCase()] : undefined;
  if (future) return { tick: future, source: `the known tick of ${contract.symbol} futures (IB's contract details not available)` };
  const tick = BY_SEC_TYPE[contract.secType] ?? 0.01;
  return { tick, source: `the usual ${contract.secType} tick (IB's contract details not available)` };
}

/** Ticks per contract, from IB when it answers (cached for the process: a contract's minTick does not change). */
export class TickSizes {
  private readonly cache = new Map<string, number>();

  /** `waitMs`: the dispatcher holds its queue while asking, so a silent IB costs this much, then the fallback. */
  constructor(private readonly fromIb: MinTickSource | null = null, private readonly waitMs = 3_000) {}

  async of(contract: ContractSpec): Promise<TickSize> {
    const key = contractKeyOf(contract);
    const cached = this.cache.get(key);
    if (cached !== undefined) return { tick: cached, source: "IB's contract details" };
    const minTick = this.fromIb && await Promise.race([
      this.fromIb(contract).catch(() => null),
      new Promise<null>((resolve) => setTimeout(resolve, this.waitMs, null).unref()),
    ]);
    if (minTick && minTick > 0) {
      this.cache.set(key, minTick);
      return { tick: minTick, source: "IB's contract details" };
    }
    return fallbackTick(contract);
  }
}
