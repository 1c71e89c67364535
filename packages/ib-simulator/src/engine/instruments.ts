/**
 * The contracts the simulator has a security definition for. A real Gateway answers error 200 ("No security
 * definition has been found for the request") to anything else, so a simulator that trades any symbol would hide
 * contracts IB refuses. Entries are `SYMBOL` (any security type) or `SECTYPE:SYMBOL`; currency pairs are written
 * as IB's local symbol, `EUR.USD`.
 */
import { contractSpec } from './contract-specs';

/** Illustrative prices (not market data): close enough that alerts priced like the documentation's pass a band. */
const DEFAULTS: Record<string, number> = {
  'STK:AAPL': 190, 'STK:MSFT': 410, 'STK:SPY': 500, 'STK:QQQ': 430, 'STK:TSLA': 250, 'STK:NVDA': 120,
  'STK:AMZN': 180, 'STK:GOOGL': 170, 'STK:META': 500, 'STK:IBM': 250, 'STK:KO': 60, 'STK:PEP': 170,
  'STK:IWM': 200, 'STK:DIA': 390,
  'FUT:ES': 5000, 'FUT:MES': 5000, 'FUT:NQ': 15000, 'FUT:MNQ': 15000, 'FUT:YM': 38000, 'FUT:MYM': 38000,
  'FUT:RTY': 2000, 'FUT:M2K': 2000, 'FUT:CL': 75, 'FUT:MCL': 75, 'FUT:NG': 3, 'FUT:GC': 2000, 'FUT:MGC': 2000,
  'FUT:SI': 25, 'FUT:HG': 4, 'FUT:ZN': 110, 'FUT:ZB': 120, 'FUT:ZF': 106, 'FUT:ZT': 102, 'FUT:ZC': 450,
  'FUT:ZS': 1150, 'FUT:ZW': 600, 'FUT:6E': 1.08, 'FUT:6B': 1.27, 'FUT:6J': 0.0067,
  'CASH:EUR.USD': 1.08, 'CASH:GBP.USD': 1.27, 'CASH:USD.JPY': 150, 'CASH:AUD.USD': 0.66, 'CASH:USD.CAD': 1.36,
  'CASH:USD.CHF': 0.88, 'CASH:EUR.GBP': 0.85, 'CRYPTO:BTC': 60000, 'CRYPTO:ETH': 3000,
};

export const DEFAULT_SYMBOLS: readonly string[] = Object.keys(DEFAULTS);

export interface ContractKey {
  symbol: string;
  secType: string;
  currency: string;
}

/** What IB needs to find one contract. */
export interface ContractQuery extends ContractKey {
  localSymbol: string;
  lastTradeDate: string;
}

/** The key a contract is listed and priced under: the symbol, or BASE.QUOTE for a currency pair. */
export function instrumentKey({ symbol, secType, currency }: ContractKey): string {
  return secType === 'CASH' ? `${symbol}.${currency}` : symbol;
}

const split = (entry: string): { secType: string | null; key: string } => {
  const colon = entry.indexOf(':');
  return colon < 0 ? { secType: null, key: entry } : { secType: entry.slice(0, colon), key: entry.slice(colon + 1) };
};

export class Instruments {
  /** key → the security type it is listed as (null: any). */
  private readonly listed = new Map<string, string | null>();
  /** Symbols refused even though listed (a test's way to make one contract unknown). */
  private readonly unknown = new Set<string>();
  /** Keys ever listed as futures: their prices move on the future's tick. */
  private readonly futures = new Set<string>();

  constructor(symbols: readonly string[], extra: readonly string[] = [], unknown: readonly string[] = []) {
    for (const entry of [...symbols, ...extra]) this.add(entry);
    for (const symbol of unknown) this.unknown.add(symbol);
  }

  setUnknown(symbol: string, unknown: boolean): void {
    if (unknown) this.unknown.add(symbol);
    else this.unknown.delete(symbol);
  }

  /** IB's error 200 text when it would find no single contract for the query, else undefined. */
  definitionProblem(contract: ContractQuery): string | undefined {
    if (this.unknown.has(contract.symbol) || !this.knows(contract)) return 'No security definition has been found for the request';
    // A futures root without a month matches every listed expiry.
    if (contract.secType === 'FUT' && !contract.localSymbol && !contract.lastTradeDate) {
      return `The contract description specified for ${contract.symbol} is ambiguous.`;
    }
    return undefined;
  }

  add(entry: string): void {
    const { secType, key } = split(entry.trim().toUpperCase());
    this.listed.set(key, this.listed.has(key) && this.listed.get(key) !== secType ? null : secType);
    if (secType === 'FUT') this.futures.add(key);
  }

  /** A listed future's tick (its prices move on it), else undefined. */
  futureTick(key: string): number | undefined {
    return this.futures.has(key) ? contractSpec('FUT', key, 0).minTick : undefined;
  }

  knows(contract: ContractKey): boolean {
    const secType = this.listed.get(instrumentKey(contract));
    return secType !== undefined && (secType === null || secType === contract.secType);
  }
}

const PRICE_BY_KEY = new Map(Object.entries(DEFAULTS).map(([entry, price]) => [split(entry).key, price]));

/** The illustrative prices of the listed contracts that have one, by instrument key (the others start at 100). */
export function defaultPrices(symbols: readonly string[]): Record<string, number> {
  const prices: Record<string, number> = {};
  for (const entry of symbols) {
    const { key } = split(entry.trim().toUpperCase());
    const price = PRICE_BY_KEY.get(key);
    if (price !== undefined) prices[key] = price;
  }
  return prices;
}
