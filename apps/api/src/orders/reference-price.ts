import type { ContractSpec } from '../ib/ib-types';
import type { QuoteLookup } from '../ib/market-data';
import type { PendingAlert } from './pending-alert';

/**
 * A price for the instrument that is not the alert's word: IB's market data, else IB's last fill. `price` is null
 * when neither is known, and `source` then says why.
 */
export interface ReferencePrice {
  price: number | null;
  source: string;
}

export type ReferencePrices = (contract: ContractSpec) => Promise<ReferencePrice>;

const clock = (d: Date) => d.toISOString().slice(11, 19);

export function referencePrices(
  quote: (contract: ContractSpec) => Promise<QuoteLookup>, lastFill: (contract: ContractSpec) => number | null,
): ReferencePrices {
  return async (contract) => {
    const market = await quote(contract);
    if (market.quote) {
      const { price, kind, delayed, seenAt } = market.quote;
      return { price, source: `IB ${delayed ? 'delayed ' : ''}market data, ${kind}, seen ${clock(seenAt)} UTC` };
    }
    const filled = lastFill(contract);
    if (filled !== null) return { price: filled, source: `IB's last fill; ${market.why}` };
    return { price: null, source: `${market.why}, and no fill of it is known` };
  };
}

/** The prices an alert states (price, limitPrice, stopPrice), as given. */
function statedPrices(alert: PendingAlert): Array<[string, number]> {
  const stated: Array<[string, string | null]> = [['price', alert.price], ['limitPrice', alert.limitPrice], ['stopPrice', alert.stopPrice]];
  return stated.filter((p): p is [string, string] => p[1] !== null).map(([name, value]) => [name, Number(value)]);
}

/** The price an order's notional is counted at: the reference, or a higher price the alert states (a limit). */
export function notionalPrice(alert: PendingAlert, reference: number): { price: number; stated: string | null } {
  let best: { price: number; stated: string | null } = { price: reference, stated: null };
  for (const [name, value] of statedPrices(alert)) if (Math.abs(value) > best.price) best = { price: Math.abs(value), stated: name };
  return best;
}

/** An alert price further from the reference than the band (in %): the alert's word disagrees with IB's. */
export function priceBandProblem(alert: PendingAlert, bandPercent: number, reference: ReferencePrice): string | null {
  const { price: ref, source } = reference;
  if (ref === null) return null; // nothing to compare with; a notional limit refuses on its own
  for (const [name, value] of statedPrices(alert)) {
    const offPercent = (Math.abs(value - ref) / ref) * 100;
    if (offPercent > bandPercent) {
      return `the alert's ${name} ${value} is ${offPercent.toFixed(1)} % from IB's reference price ${ref} (${source}); ` +
        `the band is ${bandPercent} %`;
    }
  }
  return null;
}
