import type { DataSource } from 'typeorm';
import type { ContractSpec } from '../ib/ib-types';
import { frontMonthCode, parseDatedFuture } from './front-month';

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

const CONTINUOUS = /^([A-Z0-9]{1,5})(\d)!$/;

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
 * Decides which IB contract an alert trades: the contract map (edited in the admin console) first, then the
 * payload's overrides and the TradingView exchange's hint, else a US stock on SMART.
 */
export class ContractResolver {
  private cache: { rows: Map<string, MappingRow>; loadedAt: number } | null = null;

  constructor(private readonly db: DataSource, private readonly cacheMs = 5_000) {}

  /** Forget the cached map (after an edit). */
  invalidate(): void {
    this.cache = null;
  }

  async resolve(req: ContractRequest, today = new Date()): Promise<ContractSpec> {
    const exchange = (req.exchange ?? '').replace(/_(DL|DLY)$/, '');
    const map = await this.mapping();
    const mapped = map.get(`${req.symbol}|${exchange}`) ?? map.get(`${req.symbol}|`);
    if (mapped) return fromMapping(mapped, today);
    return inferContract({ ...req, exchange }, today);
  }

  private async mapping(): Promise<Map<string, MappingRow>> {
    if (this.cache && Date.now() - this.cache.loadedAt < this.cacheMs) return this.cache.rows;
    const rows: MappingRow[] = await this.db.query('SELECT * FROM contract_map');
    const byKey = new Map(rows.map((r) => [`${r.tv_symbol.toUpperCase()}|${r.tv_exchange.toUpperCase()}`, r]));
    this.cache = { rows: byKey, loadedAt: Date.now() };
    return byKey;
  }
}

function fromMapping(m: MappingRow, today: Date): ContractSpec {
  const localSymbol = m.front_month ? `${m.symbol}${frontMonthCode(today)}` : m.local_symbol;
  return {
    symbol: m.symbol, secType: m.sec_type, exchange: m.exchange, primaryExchange: m.primary_exchange,
    currency: m.currency, localSymbol, multiplier: m.multiplier, lastTradeDate: null,
  };
}

/** Pure: the contract implied by the alert alone. */
export function inferContract(req: ContractRequest, today: Date): ContractSpec {
  const exchange = (req.exchange ?? '').toUpperCase();
  const secType = req.secType ?? guessSecType(exchange);
  const base = { primaryExchange: null, localSymbol: null, multiplier: null, lastTradeDate: null };
  switch (secType) {
    case 'FUT': {
      const ibExchange = FUTURES_EXCHANGES[exchange] ?? (exchange || 'CME');
      const continuous = req.symbol.match(CONTINUOUS);
      if (continuous) {
        return { ...base, symbol: continuous[1], secType, exchange: ibExchange, currency: req.currency ?? 'USD',
          localSymbol: `${continuous[1]}${frontMonthCode(today)}` };
      }
      // TradingView writes the year in full (ESZ2026); IB's local symbol keeps its last digit (ESZ6), and the
      // contract month says which decade when the ticker did.
      const dated = parseDatedFuture(req.symbol);
      return { ...base, symbol: dated ? dated.root : req.symbol, secType, exchange: ibExchange,
        currency: req.currency ?? 'USD', localSymbol: dated ? dated.localSymbol : req.symbol,
        lastTradeDate: dated?.contractMonth ?? null };
    }
    case 'CASH': {
      const pair = req.symbol.replace(/[^A-Z]/g, '');
      return { ...base, symbol: pair.slice(0, 3), secType, exchange: 'IDEALPRO', currency: req.currency ?? pair.slice(3, 6) };
    }
    case 'CRYPTO': {
      const coin = req.symbol.replace(/(USD|USDT|USDC)$/, '');
      return { ...base, symbol: coin, secType, exchange: 'PAXOS', currency: req.currency ?? 'USD' };
    }
    default:
      return { ...base, symbol: req.symbol, secType, exchange: 'SMART', currency: req.currency ?? 'USD',
        primaryExchange: STOCK_EXCHANGES[exchange] ?? null };
  }
}

function guessSecType(exchange: string): string {
  if (exchange in FUTURES_EXCHANGES) return 'FUT';
  if (FOREX_EXCHANGES.has(exchange)) return 'CASH';
  if (CRYPTO_EXCHANGES.has(exchange)) return 'CRYPTO';
  return 'STK';
}
