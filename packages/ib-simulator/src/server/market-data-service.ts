/**
 * Market data as TWS serves it: per connection, the type chosen with reqMarketDataType (1 live by default) and the
 * streaming subscriptions by ticker id. Quotes come from the price book; a streaming subscription hears every
 * price change. What an account may see is the MarketDataMode: a paper account without subscriptions gets delayed
 * data only after asking for it (type 3 or 4), and error 354 otherwise.
 */
import { contractSpec } from '../engine/contract-specs';
import { instrumentKey, type Instruments } from '../engine/instruments';
import type { PriceBook } from '../engine/price-book';
import type { MarketDataMode } from '../types';
import * as md from '../wire/market-data-messages';
import { errorMessage } from '../wire/server-messages';
import type { Session } from './session';

interface SessionMarketData {
  type: number;
  /** tickerId → instrument key, with the market data type it is served as. */
  streams: Map<number, { key: string; served: number }>;
}

const LIVE = 1;
const DELAYED = 3;
const SIZES = { quote: 10, last: 1, volume: 1_000 };

export class MarketDataService {
  private readonly sessions = new Map<Session, SessionMarketData>();

  constructor(
    private readonly prices: PriceBook,
    private readonly instruments: Instruments,
    private readonly mode: () => MarketDataMode,
  ) {}

  setType(session: Session, type: number): void {
    this.stateOf(session).type = type;
  }

  request(session: Session, request: md.MarketDataRequest): void {
    const { tickerId } = request;
    const state = this.stateOf(session);
    const fail = (code: number, message: string) => session.send(errorMessage(session.serverVersion, tickerId, code, message));
    if (state.streams.has(tickerId)) return fail(322, 'Error processing request: Duplicate ticker id');
    const undefinedContract = this.instruments.definitionProblem(request);
    if (undefinedContract) return fail(200, undefinedContract);
    const served = this.servedType(state.type);
    if (served === undefined) {
      const delayedToo = this.mode() === 'delayed' ? ' Delayed market data is available.' : '';
      return fail(354, `Requested market data is not subscribed.${delayedToo}`);
    }
    const key = instrumentKey(request);
    this.prices.track(key);
    // The contract's tick, as contract details give it (quotes themselves move in cents).
    session.send(md.tickReqParams(tickerId, contractSpec(request.secType || 'STK', key, this.prices.get(key)).minTick, '', 3));
    if (served === DELAYED) fail(10167, 'Requested market data is not subscribed. Displaying delayed market data.');
    session.send(md.marketDataType(tickerId, served));
    this.sendQuote(session, tickerId, key, served);
    if (request.snapshot) session.send(md.tickSnapshotEnd(tickerId));
    else state.streams.set(tickerId, { key, served });
  }

  cancel(session: Session, tickerId: number): void {
    if (!this.stateOf(session).streams.delete(tickerId)) {
      session.send(errorMessage(session.serverVersion, tickerId, 300, `Can't find EId with tickerId:${tickerId}`));
    }
  }

  /** Streams the new quote of every moved instrument to its subscribers. */
  pricesChanged(keys: readonly string[]): void {
    const moved = new Set(keys);
    for (const [session, state] of this.sessions) {
      for (const [tickerId, { key, served }] of state.streams) if (moved.has(key)) this.sendQuote(session, tickerId, key, served);
    }
  }

  /** A closed connection's subscriptions end with it. */
  forget(session: Session): void {
    this.sessions.delete(session);
  }

  /** Streaming subscriptions open now, of one instrument (its key: `AAPL`, `EUR.USD`) or of all. */
  subscriptions(key?: string): number {
    let n = 0;
    for (const state of this.sessions.values()) for (const stream of state.streams.values()) if (key === undefined || stream.key === key) n += 1;
    return n;
  }

  /** The type the ticks are sent as, or undefined when the account may not see the data asked for. */
  private servedType(requested: number): number | undefined {
    const mode = this.mode();
    if (mode === 'live') return LIVE;
    return mode === 'delayed' && requested >= DELAYED ? DELAYED : undefined;
  }

  private sendQuote(session: Session, tickerId: number, key: string, served: number): void {
    const { bid, ask, last } = this.prices.quote(key);
    const delayed = served === DELAYED;
    const T = md.TickType;
    session.send(md.tickPrice(tickerId, delayed ? T.DELAYED_BID : T.BID, bid, SIZES.quote));
    session.send(md.tickPrice(tickerId, delayed ? T.DELAYED_ASK : T.ASK, ask, SIZES.quote));
    session.send(md.tickPrice(tickerId, delayed ? T.DELAYED_LAST : T.LAST, last, SIZES.last));
    session.send(md.tickSize(tickerId, delayed ? T.DELAYED_VOLUME : T.VOLUME, SIZES.volume));
  }

  private stateOf(session: Session): SessionMarketData {
    let state = this.sessions.get(session);
    if (!state) this.sessions.set(session, (state = { type: LIVE, streams: new Map() }));
    return state;
  }
}
