import { EventName, type IBApi } from '@stoqey/ib';
import type { Logger } from 'pino';
import { toIbContract } from './ib-mapping';
import type { ContractSpec } from './ib-types';

/** What the session lends a feed for one socket: its events, and paced sending that refuses a replaced socket. */
export interface IbLink {
  readonly api: IBApi;
  send(request: (api: IBApi) => void): Promise<boolean>;
}

/** Something besides orders that talks to IB over the session's connection (market data). */
export interface SessionFeed {
  opened(link: IbLink): void;
  closed(): void;
  /** IB errors carry only an id: the feed's request ids are its own, never an order's. */
  ownsRequest(reqId: number): boolean;
}

/** A price IB showed, and what kind: the last trade, else the bid/ask midpoint. */
export interface Quote {
  price: number;
  kind: 'last' | 'midpoint';
  delayed: boolean;
  seenAt: Date;
}

export type QuoteLookup = { quote: Quote } | { quote: null; why: string };

export interface MarketDataOptions {
  /** How long the alert that opens a subscription waits for its first tick. */
  firstTickMs: number;
  /** A subscription unused this long is cancelled. */
  idleMs: number;
  /** At most this many subscriptions at once (IB's default is 100 lines for everything on the account). */
  maxLines: number;
  /** After IB refused data for a contract (354, 200…), ask again only after this. */
  retryMs: number;
  /** A quote from a subscription that has ended is used only this long after it was seen. */
  maxQuoteAgeMs: number;
}

const DEFAULTS: MarketDataOptions = { firstTickMs: 1_500, idleMs: 10 * 60_000, maxLines: 40, retryMs: 60_000, maxQuoteAgeMs: 15 * 60_000 };
/** Ticker ids far above any order id: IB's error messages do not say which kind of id they carry. */
const FIRST_TICKER_ID = 1_900_000_000;
/** Type 3: live where the account subscribes, delayed elsewhere (a paper account's usual lot). */
const DELAYED_WHERE_NOT_SUBSCRIBED = 3;
const FIELDS: Record<number, { side: 'bid' | 'ask' | 'last'; delayed: boolean }> = {
  1: { side: 'bid', delayed: false }, 2: { side: 'ask', delayed: false }, 4: { side: 'last', delayed: false },
  66: { side: 'bid', delayed: true }, 67: { side: 'ask', delayed: true }, 68: { side: 'last', delayed: true },
};
/** "Displaying delayed market data": a notice, the ticks follow. */
const DELAYED_NOTICE = 10167;

interface Line {
  tickerId: number | null;
  subscribedAt: number;
  lastUsed: number;
  failedUntil: number;
  why: string;
  prices: Partial<Record<'bid' | 'ask' | 'last', { price: number; delayed: boolean; at: number }>>;
  wake: Array<() => void>;
}

/**
 * Reference prices from IB's market data, asked through the session's paced connection: one streaming subscription
 * per contract, opened on first use, kept while used and cancelled when idle or crowded out. Only the alert that
 * opens a subscription waits (bounded) for its first tick; later ones take what is known at once.
 */
export class MarketData implements SessionFeed {
  private link: IbLink | null = null;
  private readonly lines = new Map<string, Line>();
  private readonly byTicker = new Map<number, Line>();
  private nextTickerId = FIRST_TICKER_ID;
  private sweeper: NodeJS.Timeout | null = null;
  private readonly options: MarketDataOptions;

  constructor(private readonly log: Logger, options: Partial<MarketDataOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  opened(link: IbLink): void {
    this.link = link;
    link.api.on(EventName.tickPrice, (tickerId: number, field: number, price: number) => this.onTick(tickerId, field, price));
    link.api.on(EventName.error, (error: Error, code: number, reqId: number) => {
      if (this.ownsRequest(reqId) && code !== DELAYED_NOTICE) this.onRefused(reqId, `IB ${code}: ${error.message}`);
    });
    void link.send((api) => api.reqMarketDataType(DELAYED_WHERE_NOT_SUBSCRIBED));
    this.sweeper = setInterval(() => this.cancelIdle(), Math.min(this.options.idleMs, 60_000));
    this.sweeper.unref();
  }

  closed(): void {
    this.link = null;
    if (this.sweeper) clearInterval(this.sweeper);
    for (const line of this.byTicker.values()) this.ended(line, 'the connection to IB was lost');
    this.byTicker.clear();
  }

  ownsRequest(reqId: number): boolean {
    return reqId >= FIRST_TICKER_ID;
  }

  async quote(contract: ContractSpec): Promise<QuoteLookup> {
    const key = keyOf(contract);
    let line = this.lines.get(key);
    if (!line) this.lines.set(key, (line = { tickerId: null, subscribedAt: 0, lastUsed: 0, failedUntil: 0, why: '', prices: {}, wake: [] }));
    line.lastUsed = Date.now();
    if (line.tickerId === null && Date.now() >= line.failedUntil) this.subscribe(line, contract);
    const waitMs = line.subscribedAt + this.options.firstTickMs - Date.now();
    if (!this.streamed(line) && line.tickerId !== null && waitMs > 0) await this.firstTick(line, waitMs);
    const quote = this.streamed(line) ?? this.recent(line);
    return quote ? { quote } : { quote: null, why: line.why || `no price from IB within ${this.options.firstTickMs / 1000} s` };
  }

  /** The quote of a live subscription: IB sends a price again only when it changes, so it is current however old. */
  private streamed(line: Line): Quote | null {
    const quote = quoteOf(line);
    return quote && line.tickerId !== null && quote.seenAt.getTime() >= line.subscribedAt ? quote : null;
  }

  /** A quote kept from an ended subscription, while it is recent enough to compare with. */
  private recent(line: Line): Quote | null {
    const quote = quoteOf(line);
    return quote && Date.now() - quote.seenAt.getTime() <= this.options.maxQuoteAgeMs ? quote : null;
  }

  private subscribe(line: Line, contract: ContractSpec): void {
    if (!this.link) {
      line.why = 'not connected to IB';
      return;
    }
    this.makeRoom();
    const tickerId = this.nextTickerId++;
    Object.assign(line, { tickerId, subscribedAt: Date.now(), why: '' });
    this.byTicker.set(tickerId, line);
    void this.link.send((api) => api.reqMktData(tickerId, toIbContract(contract), '', false, false)).then((sent) => {
      if (!sent) this.ended(line, 'not connected to IB');
    });
  }

  private firstTick(line: Line, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      line.wake.push(() => { clearTimeout(timer); resolve(); });
    });
  }

  private onTick(tickerId: number, field: number, price: number): void {
    const line = this.byTicker.get(tickerId);
    const meaning = FIELDS[field];
    if (!line || !meaning || !(price > 0)) return; // IB sends -1 for "no bid/ask now"
    line.prices[meaning.side] = { price, delayed: meaning.delayed, at: Date.now() };
    if (quoteOf(line)) line.wake.splice(0).forEach((wake) => wake());
  }

  private onRefused(tickerId: number, why: string): void {
    const line = this.byTicker.get(tickerId);
    if (!line) return;
    this.log.warn({ ib: { tickerId } }, `market data refused: ${why}`);
    line.failedUntil = Date.now() + this.options.retryMs;
    this.ended(line, `IB gave no market data (${why})`);
  }

  /** The subscription is over (refused, cancelled or its socket gone); its last quote stays, dated. */
  private ended(line: Line, why: string): void {
    if (line.tickerId !== null) this.byTicker.delete(line.tickerId);
    line.tickerId = null;
    line.why = why;
    line.wake.splice(0).forEach((wake) => wake());
  }

  private cancel(line: Line): void {
    const { tickerId } = line;
    if (tickerId === null) return;
    this.ended(line, 'subscription cancelled');
    void this.link?.send((api) => api.cancelMktData(tickerId));
  }

  private cancelIdle(): void {
    for (const line of this.byTicker.values()) if (Date.now() - line.lastUsed > this.options.idleMs) this.cancel(line);
  }

  /** Frees the least recently used subscription when every line is taken. */
  private makeRoom(): void {
    if (this.byTicker.size < this.options.maxLines) return;
    const oldest = [...this.byTicker.values()].reduce((a, b) => (a.lastUsed <= b.lastUsed ? a : b));
    this.cancel(oldest);
  }
}

const keyOf = (c: ContractSpec) => [c.secType, c.symbol, c.localSymbol, c.lastTradeDate, c.exchange, c.currency].join('|');

/** The last trade, else the midpoint of a two-sided quote. */
function quoteOf(line: Line): Quote | null {
  const { bid, ask, last } = line.prices;
  if (last) return { price: last.price, kind: 'last', delayed: last.delayed, seenAt: new Date(last.at) };
  if (!bid || !ask) return null;
  const at = Math.max(bid.at, ask.at);
  return { price: Number(((bid.price + ask.price) / 2).toPrecision(12)), kind: 'midpoint', delayed: bid.delayed || ask.delayed, seenAt: new Date(at) };
}
