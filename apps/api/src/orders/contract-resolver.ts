import type { DataSource } from 'typeorm';
import type { ContractSpec } from '../ib/ib-types';
import { frontMonthCode, parseDatedFuture, quarterlyContract } from './front-month';
import { knownFuturesRoot } from './futures-multipliers';

export interface ContractRequest {
  symbol: string;
  exchange: string | null;
  secType: string | null;
  currency: string | null;
}

/** TradingView exchanges whose tickers are futures, with the IB exchange that lists them. */
const FUTURES_EXCHANGES: Record<string, string> = {
  CME: 'CME', CME_MINI: 'CME', CBOT: 'CBOT', CBOT_MINI: 'CBOT', NYMEX: 'NYMEX', NYMEX_MINI: 'NYMEX',
  COMEX: 'COMEX', COMEX_MINI: 'COMEX', ICEUS: 'NYBOT', EUREX: 'EUREX',
};
/** TradingView stock exchanges → IB primary exchange (routing stays SMART). */
const STOCK_EXCHANGES: Record<string, string> = {
  NASDAQ: 'NASDAQ', NYSE: 'NYSE', AMEX: 'AMEX', ARCA: 'ARCA', NYSEARCA: 'ARCA', BATS: 'BATS', CBOE: 'BATS',
};
const FOREX_EXCHANGES = new Set(['FX', 'FX_IDC', 'OANDA', 'FXCM', 'SAXO', 'PEPPERSTONE', 'ICMARKETS', 'FOREXCOM']);
const CRYPTO_EXCHANGES = new Set(['COINBASE', 'BINANCE', 'KRAKEN', 'BITSTAMP', 'GEMINI', 'PAXOS']);

/** A continuous future: root, which contract (1 = front), "!" (ES1!, NQ2!). */
const CONTINUOUS = /^([A-Z0-9]{1,5})([1-9])!$/;
/** What a stock, forex or crypto ticker may contain (BRK.B, EUR/USD); "!" and ":" never. */
const PLAIN_TICKER = /^[A-Z0-9][A-Z0-9._/-]*$/;

/** A ticker Tradehook will not send to IB, with the reason the trader reads on the alert. */
export class UnresolvableTicker extends Error {}

export type Resolution = { ok: true; contract: ContractSpec } | { ok: false; reason: string };

/** What a futures root trades as: from the contract map (a FUT row for the root) or the known list. */
interface FuturesRootInfo {
  symbol: string;
  exchange: string;
  currency: string;
  multiplier: string | null;
  quarterly: boolean;
}
type RootLookup = (root: string, exchange: string) => FuturesRootInfo | null;

const knownRoot: RootLookup = (root) => {
  const known = knownFuturesRoot(root);
  return known && { symbol: root, exchange: known.exchange, currency: 'USD', multiplier: null, quarterly: known.quarterly };
};

interface MappingRow {
  tv_symbol: string;
  tv_exchange: string;
  symbol: string;
  sec_type: string;
  exchange: string;
  primary_exchange: string | null;
  currency: string;
  multiplier: string | null;
  local_symbol: string | null;
  front_month: boolean;
}

/**
 * Decides which IB contract an alert trades: TradingView's EXCHANGE:SYMBOL split, then the contract map (edited in
 * the admin console), then the payload's overrides, futures tickers (continuous ES1!, dated ESZ2026) and the
 * TradingView exchange's hint, else a US stock on SMART. A ticker that names no contract IB could find is refused
 * here, before anything reaches IB.
 */
export class ContractResolver {
  private cache: { rows: Map<string, MappingRow>; loadedAt: number } | null = null;

  constructor(private readonly db: DataSource, private readonly cacheMs = 5_000) {}

  /** Forget the cached map (after an edit). */
  invalidate(): void {
    this.cache = null;
  }

  async resolve(req: ContractRequest, today = new Date()): Promise<Resolution> {
    try {
      const ticker = splitTicker(req.symbol, req.exchange);
      const exchange = (ticker.exchange ?? '').toUpperCase().replace(/_(DL|DLY)$/, '');
      const map = await this.mapping();
      const mapped = map.get(`${ticker.symbol}|${exchange}`) ?? map.get(`${ticker.symbol}|`);
      if (mapped) return { ok: true, contract: fromMapping(mapped, today) };
      const mappedRoot: RootLookup = (root, ex) => {
        const row = map.get(`${root}|${ex}`) ?? map.get(`${root}|`);
        if (row?.sec_type !== 'FUT') return knownRoot(root, ex);
        return { symbol: row.symbol, exchange: row.exchange, currency: row.currency, multiplier: row.multiplier, quarterly: true };
      };
      return { ok: true, contract: inferContract({ ...req, symbol: ticker.symbol, exchange }, today, mappedRoot) };
    } catch (error) {
      if (error instanceof UnresolvableTicker) return { ok: false, reason: `Refused: ${error.message}` };
      throw error;
    }
  }

  private async mapping(): Promise<Map<string, MappingRow>> {
    if (this.cache && Date.now() - this.cache.loadedAt < this.cacheMs) return this.cache.rows;
    const rows: MappingRow[] = await this.db.query('SELECT * FROM contract_map');
    const byKey = new Map(rows.map((r) => [`${r.tv_symbol.toUpperCase()}|${r.tv_exchange.toUpperCase()}`, r]));
    this.cache = { rows: byKey, loadedAt: Date.now() };
    return byKey;
  }
}

/** TradingView's {{syminfo.tickerid}} ("CME_MINI:ES1!") carries the exchange; it wins over a separate one. */
export function splitTicker(symbol: string, exchange: string | null): { symbol: string; exchange: string | null } {
  const parts = symbol.split(':');
  if (parts.length === 1) return { symbol, exchange };
  if (parts.length > 2 || !/^[A-Z0-9_]+$/.test(parts[0]) || !parts[1]) {
    throw new UnresolvableTicker(`"${symbol}" is not a ticker IB can trade: expected SYMBOL or EXCHANGE:SYMBOL (e.g. CME_MINI:ES1!)`);
  }
  return { symbol: parts[1], exchange: parts[0] };
}

function fromMapping(m: MappingRow, today: Date): ContractSpec {
  const localSymbol = m.front_month ? `${m.symbol}${frontMonthCode(today)}` : m.local_symbol;
  return {
    symbol: m.symbol, secType: m.sec_type, exchange: m.exchange, primaryExchange: m.primary_exchange,
    currency: m.currency, localSymbol, multiplier: m.multiplier, lastTradeDate: null,
  };
}

const base = { primaryExchange: null, localSymbol: null, multiplier: null, lastTradeDate: null };

/** Pure: the contract implied by the alert alone (and known futures roots); throws UnresolvableTicker. */
export function inferContract(req: ContractRequest, today: Date, futuresRoot: RootLookup = knownRoot): ContractSpec {
  const exchange = (req.exchange ?? '').toUpperCase();
  const { symbol } = req;
  if (symbol.includes('!')) return continuousFuture(symbol, exchange, today, futuresRoot, req.currency);
  const dated = parseDatedFuture(symbol);
  const root = dated ? futuresRoot(dated.root, exchange) : null;
  const secType = req.secType ?? (root ? 'FUT' : guessSecType(exchange));
  switch (secType) {
    case 'FUT': {
      if (!dated) {
        throw new UnresolvableTicker(`${symbol} names no contract month: send a continuous (${symbol}1!) or dated (${symbol}Z2026) ticker, or map it in the contract map`);
      }
      // TradingView writes the year in full (ESZ2026); IB's local symbol keeps its last digit (ESZ6), and the
      // contract month says which decade when the ticker did.
      const ibExchange = FUTURES_EXCHANGES[exchange] ?? root?.exchange ?? exchange;
      if (!ibExchange) throw unknownRoot(dated.root, symbol);
      return { ...base, symbol: root?.symbol ?? dated.root, secType, exchange: ibExchange, currency: req.currency ?? root?.currency ?? 'USD',
        localSymbol: `${root?.symbol ?? dated.root}${dated.localSymbol.slice(dated.root.length)}`, multiplier: root?.multiplier ?? null,
        lastTradeDate: dated.contractMonth };
    }
    case 'CASH': {
      const pair = symbol.replace(/[^A-Z]/g, '');
      return { ...base, symbol: pair.slice(0, 3), secType, exchange: 'IDEALPRO', currency: req.currency ?? pair.slice(3, 6) };
    }
    case 'CRYPTO': {
      const coin = symbol.replace(/(USD|USDT|USDC)$/, '');
      return { ...base, symbol: coin, secType, exchange: 'PAXOS', currency: req.currency ?? 'USD' };
    }
    default:
      if (dated && !(exchange in STOCK_EXCHANGES) && !req.secType) throw unknownRoot(dated.root, symbol);
      if (!PLAIN_TICKER.test(symbol)) throw new UnresolvableTicker(`"${symbol}" is not a ticker IB can trade`);
      return { ...base, symbol, secType, exchange: 'SMART', currency: req.currency ?? 'USD', primaryExchange: STOCK_EXCHANGES[exchange] ?? null };
  }
}

/** ES1! → the front quarterly ES contract, NQ2! → the next one; always a future, never a stock named "ES1!". */
function continuousFuture(symbol: string, exchange: string, today: Date, futuresRoot: RootLookup, currency: string | null): ContractSpec {
  const match = symbol.match(CONTINUOUS);
  if (!match) throw new UnresolvableTicker(`"${symbol}" is not a ticker IB can trade ("!" marks a continuous future, e.g. ES1! or NQ2!)`);
  const [, rootSymbol, nth] = match;
  const root = futuresRoot(rootSymbol, exchange);
  if (!root) throw unknownRoot(rootSymbol, symbol);
  if (!root.quarterly) {
    throw new UnresolvableTicker(`${symbol}: ${rootSymbol} does not roll quarterly, so its front month is not worked out here — send a dated ticker (e.g. ${rootSymbol}Z2026) or map ${symbol} in the contract map`);
  }
  const contract = quarterlyContract(today, Number(nth));
  return { ...base, symbol: root.symbol, secType: 'FUT', exchange: FUTURES_EXCHANGES[exchange] ?? root.exchange,
    currency: currency ?? root.currency, localSymbol: `${root.symbol}${contract.code}`, multiplier: root.multiplier,
    lastTradeDate: contract.contractMonth };
}

const unknownRoot = (root: string, symbol: string) =>
  new UnresolvableTicker(`${symbol} looks like a futures ticker, but ${root} is not a futures root Tradehook knows — add ${symbol} (or ${root}) to the contract map`);

function guessSecType(exchange: string): string {
  if (exchange in FUTURES_EXCHANGES) return 'FUT';
  if (FOREX_EXCHANGES.has(exchange)) return 'CASH';
  if (CRYPTO_EXCHANGES.has(exchange)) return 'CRYPTO';
  return 'STK';
}
