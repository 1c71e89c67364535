/**
 * reqContractDetails: the contracts a query matches, with their details. A futures root without a month matches its
 * next two quarterly expiries (IB lists every expiry; two are enough for a client to see the ambiguity); a month or a
 * local symbol (ESZ6) picks one. Expiries are the third Friday of the month, the index-futures rule, for every root.
 */
import type { ContractDetails, ContractDetailsRequest } from '../wire/contract-messages';
import { contractSpec } from './contract-specs';
import { conIdFor } from './ids';
import { instrumentKey, type Instruments } from './instruments';
import type { TradingSession } from './trading-session';

const MONTH_CODES = 'FGHJKMNQUVXZ';
const ORDER_TYPES = 'ACTIVETIM,AD,ALERT,ALLOC,DAY,GAT,GTC,GTD,IOC,LMT,MKT,OCA,STP,STPLMT,TRAIL,TRAILLMT,WHATIF';
const PRIMARY: Record<string, string> = { SPY: 'ARCA', IWM: 'ARCA', DIA: 'ARCA', IBM: 'NYSE', KO: 'NYSE', PEP: 'NASDAQ' };

const pad2 = (n: number): string => String(n).padStart(2, '0');

function thirdFriday(year: number, month: number): string {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((5 - firstWeekday + 7) % 7) + 14;
  return `${year}${pad2(month)}${pad2(day)}`;
}

/** The expiries (YYYYMMDD) a futures query names: its month, its local symbol's month, or the next two quarters. */
export function futureExpiries(query: Pick<ContractDetailsRequest, 'lastTradeDate' | 'localSymbol'>, nowMs: number): string[] {
  const now = new Date(nowMs);
  if (/^\d{8}$/.test(query.lastTradeDate)) return [query.lastTradeDate];
  if (/^\d{6}$/.test(query.lastTradeDate)) return [thirdFriday(+query.lastTradeDate.slice(0, 4), +query.lastTradeDate.slice(4))];
  const coded = /([FGHJKMNQUVXZ])(\d{1,2})$/.exec(query.localSymbol);
  if (coded) {
    const digits = coded[2];
    const decade = now.getUTCFullYear() - (now.getUTCFullYear() % 10 ** digits.length);
    let year = decade + Number(digits);
    if (year < now.getUTCFullYear()) year += 10 ** digits.length;
    return [thirdFriday(year, MONTH_CODES.indexOf(coded[1]) + 1)];
  }
  const today = `${now.getUTCFullYear()}${pad2(now.getUTCMonth() + 1)}${pad2(now.getUTCDate())}`;
  const expiries: string[] = [];
  for (let m = 0; expiries.length < 2; m++) {
    const month = ((now.getUTCMonth() + m) % 12) + 1;
    const year = now.getUTCFullYear() + Math.floor((now.getUTCMonth() + m) / 12);
    const expiry = thirdFriday(year, month);
    if (month % 3 === 0 && expiry >= today) expiries.push(expiry);
  }
  return expiries;
}

export class ContractCatalog {
  constructor(
    private readonly instruments: Instruments,
    private readonly price: (key: string) => number,
    private readonly session: TradingSession,
    private readonly now: () => number,
  ) {}

  /** The matching contracts, or an error-200 text when there is none. */
  lookUp(query: ContractDetailsRequest): ContractDetails[] | string {
    const secType = query.secType || 'STK';
    const currency = query.currency || 'USD';
    const contract = { symbol: query.symbol, secType, currency };
    // A root without a month is ambiguous for an order, not for contract details: it lists the expiries.
    const problem = this.instruments.definitionProblem({ ...contract, localSymbol: query.localSymbol, lastTradeDate: query.lastTradeDate || 'any' });
    if (problem) return problem;
    const key = instrumentKey(contract);
    const spec = contractSpec(secType, key, this.price(key));
    const base: ContractDetails = {
      conId: conIdFor(query.symbol), symbol: query.symbol, secType, lastTradeDate: '', exchange: spec.exchange,
      primaryExchange: secType === 'STK' ? (PRIMARY[query.symbol] ?? 'NASDAQ') : '', currency,
      localSymbol: secType === 'CASH' ? key : query.symbol, tradingClass: query.symbol, minTick: spec.minTick,
      multiplier: spec.multiplier, orderTypes: ORDER_TYPES, validExchanges: secType === 'STK' ? 'SMART,NASDAQ,NYSE,ARCA,BATS,IEX' : spec.exchange,
      longName: query.symbol, contractMonth: '', timeZoneId: this.session.timeZoneId(spec.timeZoneId),
      tradingHours: this.session.liquidHours(secType), liquidHours: this.session.liquidHours(secType),
      stockType: secType === 'STK' ? 'COMMON' : '',
    };
    if (secType !== 'FUT') return [base];
    return futureExpiries(query, this.now()).map((expiry) => ({
      ...base,
      lastTradeDate: expiry,
      contractMonth: expiry.slice(0, 6),
      localSymbol: `${query.symbol}${MONTH_CODES[Number(expiry.slice(4, 6)) - 1]}${expiry.slice(3, 4)}`,
    }));
  }
}
