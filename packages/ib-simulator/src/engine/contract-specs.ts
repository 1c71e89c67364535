/**
 * What IB's contract details say about the listed contracts: minimum tick, multiplier, exchange, time zone. The
 * figures are the exchanges' published ones (CME group, IDEALPRO, PAXOS); a contract not in the tables gets its
 * security type's default. Orders use minTick for error 110, reqContractDetails serves it.
 */

export interface ContractSpec {
  minTick: number;
  /** '' for stocks, currencies and crypto (IB sends none). */
  multiplier: string;
  exchange: string;
  timeZoneId: string;
}

const CHICAGO = 'US/Central';
const NEW_YORK = 'US/Eastern';

/** Futures roots: [minTick, multiplier, exchange]. Treasury ticks are IB's decimal ones (1/64, 1/32, 1/128, 1/256). */
const FUTURES: Record<string, [number, string, string]> = {
  ES: [0.25, '50', 'CME'], MES: [0.25, '5', 'CME'], NQ: [0.25, '20', 'CME'], MNQ: [0.25, '2', 'CME'],
  RTY: [0.1, '50', 'CME'], M2K: [0.1, '5', 'CME'], YM: [1, '5', 'CBOT'], MYM: [1, '0.5', 'CBOT'],
  CL: [0.01, '1000', 'NYMEX'], MCL: [0.01, '100', 'NYMEX'], NG: [0.001, '10000', 'NYMEX'],
  GC: [0.1, '100', 'COMEX'], MGC: [0.1, '10', 'COMEX'], SI: [0.005, '5000', 'COMEX'], HG: [0.0005, '25000', 'COMEX'],
  ZN: [0.015625, '1000', 'CBOT'], ZB: [0.03125, '1000', 'CBOT'], ZF: [0.0078125, '1000', 'CBOT'], ZT: [0.00390625, '2000', 'CBOT'],
  ZC: [0.25, '5000', 'CBOT'], ZS: [0.25, '5000', 'CBOT'], ZW: [0.25, '5000', 'CBOT'],
  '6E': [0.00005, '125000', 'CME'], '6B': [0.0001, '62500', 'CME'], '6J': [0.0000005, '12500000', 'CME'],
};

/** IDEALPRO quotes majors in half-pips; yen crosses in half-pips of a yen pip. */
const forexTick = (pair: string): number => (pair.endsWith('.JPY') ? 0.005 : 0.00005);
const CRYPTO_TICKS: Record<string, number> = { BTC: 0.25, ETH: 0.05 };

/**
 * The spec of a contract, by its security type and instrument key (symbol, or BASE.QUOTE for a pair). A stock's
 * tick depends on the price (Reg NMS: 0.01 from $1, 0.0001 below), hence `price`.
 */
export function contractSpec(secType: string, key: string, price: number): ContractSpec {
  switch (secType) {
    case 'FUT': {
      const [minTick, multiplier, exchange] = FUTURES[key] ?? [0.01, '1', 'CME'];
      return { minTick, multiplier, exchange, timeZoneId: exchange === 'CME' || exchange === 'CBOT' ? CHICAGO : NEW_YORK };
    }
    case 'CASH':
      return { minTick: forexTick(key), multiplier: '', exchange: 'IDEALPRO', timeZoneId: NEW_YORK };
    case 'CRYPTO':
      return { minTick: CRYPTO_TICKS[key] ?? 0.01, multiplier: '', exchange: 'PAXOS', timeZoneId: NEW_YORK };
    default:
      return { minTick: price > 0 && price < 1 ? 0.0001 : 0.01, multiplier: '', exchange: 'SMART', timeZoneId: NEW_YORK };
  }
}

/** True when `price` is a whole number of ticks (with room for binary float noise). */
export function conformsToTick(price: number, minTick: number): boolean {
  const ticks = price / minTick;
  return Math.abs(ticks - Math.round(ticks)) < 1e-6;
}
