/** The public shapes of the simulator: its options and the orders / executions it records. */
import type { TradingHoursOptions } from './engine/trading-session';

export interface RandomWalkOptions {
  intervalMs: number;
  /** Largest relative move per step (0.0005 = 5 bp). */
  maxStepFraction: number;
}

export interface SimulatorOptions {
  host?: string;
  port?: number;
  /** The first managed account: where orders without an account go. */
  account?: string;
  /** Further managed accounts (MANAGED_ACCTS lists `account` first, then these). */
  accounts?: string[];
  /** Cash every account starts with, in USD (default 1,000,000, as a new paper account). */
  startingCash?: number;
  /** The client id that also sees other clients' executions, as TWS's master API client (default 0). */
  masterClientId?: number;
  firstOrderId?: number;
  /** Prices by instrument key (a symbol, or BASE.QUOTE for a currency pair); a priced symbol is also known. */
  prices?: Record<string, number>;
  /** The contracts with a security definition (see engine/instruments.ts); default: DEFAULT_SYMBOLS. */
  symbols?: string[];
  /** Symbols answered with error 200 even if listed. */
  unknownSymbols?: string[];
  /** Which market data the account may see (default: delayed only, as a paper account without subscriptions). */
  marketData?: MarketDataMode;
  partialFills?: number;
  fillDelayMs?: number;
  walk?: RandomWalkOptions | false;
  maxMessagesPerSecond?: number;
  commissionPerShare?: number;
  seed?: number;
  serverVersion?: number;
  /** Regular session for stocks (engine/trading-session.ts); default: none, every moment is regular. */
  tradingHours?: TradingHoursOptions;
}

/** A trade made outside the API, e.g. by hand in TWS (IbSimulator.manualTrade). */
export interface ManualTrade {
  symbol: string;
  /** Signed: > 0 buys, < 0 sells. */
  quantity: number;
  /** The price it trades at (the simulator's market moves there); default: the current price. */
  price?: number;
  /** Default: the simulator's first account. */
  account?: string;
  secType?: string;
  currency?: string;
  localSymbol?: string;
  lastTradeDate?: string;
  orderRef?: string;
}

/** live: every type is served live · delayed: live requests get 354, delayed ones (3/4) delayed ticks · none: 354. */
export type MarketDataMode = 'live' | 'delayed' | 'none';

export type OrderStatusName = 'PreSubmitted' | 'Submitted' | 'Filled' | 'Cancelled' | 'Inactive';

export interface SimOrder {
  orderId: number;
  clientId: number;
  permId: number;
  /** The contract id the simulator assigned (or the one the client sent). */
  conId: number;
  symbol: string;
  secType: string;
  exchange: string;
  primaryExchange: string;
  currency: string;
  localSymbol: string;
  /** A future's expiry (YYYYMMDD) and multiplier, as IB reports them with the contract; absent for other types. */
  lastTradeDate?: string;
  multiplier?: string;
  action: 'BUY' | 'SELL';
  totalQuantity: number;
  orderType: string;
  lmtPrice?: number;
  auxPrice?: number;
  tif: string;
  ocaGroup: string;
  orderRef: string;
  account: string;
  parentId: number;
  transmit: boolean;
  /** Exit fields (PLACE_ORDER past index 33, see wire/place-order-extras.ts); absent = unset. */
  outsideRth?: boolean;
  ocaType?: number;
  /** A trailing stop's current stop price (the client's initial one, then the simulator's as the price moves). */
  trailStopPrice?: number;
  trailingPercent?: number;
  lmtPriceOffset?: number;
  status: OrderStatusName;
  filled: number;
  remaining: number;
  avgFillPrice: number;
  /** Epoch ms with sub-ms precision, taken when the PLACE_ORDER frame was decoded. */
  receivedAt: number;
}

export interface SimExecution {
  execId: string;
  orderId: number;
  clientId: number;
  permId: number;
  symbol: string;
  secType: string;
  exchange: string;
  currency: string;
  side: 'BOT' | 'SLD';
  shares: number;
  price: number;
  cumQty: number;
  avgPrice: number;
  /** "20260101 12:00:00 UTC", as written to the wire. */
  time: string;
  account: string;
  orderRef: string;
  commission: number;
  /** What this fill realized after commissions (COMMISSION_REPORT's realizedPNL); undefined for a fill that only opens. */
  realizedPnl?: number;
}

/** Events an IbSimulator emits, with their arguments. */
export interface IbSimulatorEvents {
  placeOrder: [order: SimOrder];
  execution: [execution: SimExecution];
  cancel: [order: SimOrder];
  connect: [clientId: number];
  disconnect: [clientId: number];
  pacingViolation: [clientId: number];
  decodeError: [error: Error];
}

export interface SimulatorStats {
  messagesReceived: number;
  placeOrders: number;
  pacingViolations: number;
  connections: number;
  decodeErrors: number;
}

export interface ResolvedOptions {
  host: string;
  port: number;
  account: string;
  accounts: string[];
  startingCash: number;
  masterClientId: number;
  firstOrderId: number;
  prices: Record<string, number>;
  symbols: string[];
  unknownSymbols: string[];
  marketData: MarketDataMode;
  partialFills: number;
  fillDelayMs: number;
  walk: RandomWalkOptions | false;
  maxMessagesPerSecond: number;
  commissionPerShare: number;
  seed: number;
  serverVersion: number;
  tradingHours: TradingHoursOptions | undefined;
}

/** A position as reported by POSITION: the order supplies the contract fields. */
export interface Position {
  account: string;
  order: SimOrder;
  quantity: number;
  /** Per unit, commissions included (IB's avgCost). */
  avgCost: number;
  /** Realized today by reducing fills, after their commissions. */
  realizedPnl: number;
}
