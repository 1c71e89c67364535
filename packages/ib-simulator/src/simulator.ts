/**
 * IbSimulator: an IB Gateway stand-in that speaks the TWS socket protocol to the real @stoqey/ib client.
 * It wires the listener, the client sessions, the order engine and the price walk together, and owns the
 * state that outlives connections and restarts (orders, executions, permIds, order-id high-water marks).
 */
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { type AccountSnapshot, AccountBook } from './engine/account-book';
import { ContractCatalog } from './engine/contract-catalog';
import { ExecutionLedger } from './engine/execution-ledger';
import { IdSource } from './engine/ids';
import { defaultPrices, instrumentKey, Instruments } from './engine/instruments';
import { manualTradeRequest } from './engine/new-order';
import { type EngineSettings, OrderEngine } from './engine/order-engine';
import { PriceBook } from './engine/price-book';
import { createRandom, type Random } from './engine/prng';
import { TradingSession } from './engine/trading-session';
import { INFO_MESSAGES, SESSION_START_INFO_CODES } from './info-messages';
import { negotiateServerVersion, resolveOptions } from './options';
import { AccountService } from './server/account-service';
import { ClientNotifier } from './server/client-notifier';
import { Listener } from './server/listener';
import { MarketDataService } from './server/market-data-service';
import { RequestRouter } from './server/request-router';
import { preciseNow, Session, type SessionHandler } from './server/session';
import type { IbSimulatorEvents, ManualTrade, MarketDataMode, ResolvedOptions, SimExecution, SimOrder, SimulatorOptions, SimulatorStats } from './types';
import { RequestDecodeError } from './wire/client-requests';
import { Incoming } from './wire/message-ids';
import { errorMessage, managedAccounts, nextValidId } from './wire/server-messages';

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** TWS reports trades made outside the API (in TWS itself) under client id 0. */
const MANUAL_CLIENT_ID = 0;

export class IbSimulator extends EventEmitter<IbSimulatorEvents> {
  /** Live counters since construction (restarts included). */
  readonly stats: SimulatorStats = { messagesReceived: 0, placeOrders: 0, pacingViolations: 0, connections: 0, decodeErrors: 0 };
  private readonly options: ResolvedOptions;
  private readonly random: Random;
  private readonly prices: PriceBook;
  private readonly settings: EngineSettings;
  private readonly engine: OrderEngine;
  private readonly instruments: Instruments;
  private readonly marketData: MarketDataService;
  private readonly accountService: AccountService;
  private readonly accountBook: AccountBook;
  private frozen = false;
  private marketDataMode: MarketDataMode;
  private readonly router: RequestRouter;
  private readonly listener = new Listener((socket) => this.accept(socket));
  /** Started sessions by client id: where an order's news is delivered. */
  private readonly clients = new Map<number, Session>();
  private walkTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** A test's fixed time (setTime), else the wall clock: what trading hours and expiries are read against. */
  private fixedTimeMs: number | undefined;
  private readonly session: TradingSession;

  constructor(options?: SimulatorOptions) {
    super();
    this.options = resolveOptions(options);
    this.random = createRandom(this.options.seed);
    const { symbols, prices, unknownSymbols } = this.options;
    this.prices = new PriceBook(prices, defaultPrices(symbols), (key) => this.instruments.futureTick(key));
    // A symbol a test gives a price is one it expects to trade.
    this.instruments = new Instruments(symbols, Object.keys(prices), unknownSymbols);
    this.marketDataMode = this.options.marketData;
    const now = () => this.fixedTimeMs ?? Date.now();
    this.session = new TradingSession(this.options.tradingHours, now);
    this.marketData = new MarketDataService(this.prices, this.instruments, () => this.marketDataMode);
    this.settings = {
      account: this.options.account,
      firstOrderId: this.options.firstOrderId,
      partialFills: this.options.partialFills,
      fillDelayMs: this.options.fillDelayMs,
      instruments: this.instruments,
      session: this.session,
      maxFillQuantity: undefined,
    };
    const ids = new IdSource(this.random);
    const orderOf = (execution: SimExecution) => this.engine.book.byPermId(execution.permId)?.order;
    const ledger = new ExecutionLedger(ids, this.options.commissionPerShare, orderOf);
    this.accountBook = new AccountBook({
      accounts: () => this.options.accounts, startingCash: this.options.startingCash, executions: () => ledger.all(),
      orderOf, price: (key) => this.prices.get(key),
    });
    this.accountService = new AccountService(this.accountBook, { updateIntervalMs: 250, paused: () => this.frozen });
    const notifier = new ClientNotifier((clientId) => this.clients.get(clientId), this,
      (execution, order) => this.accountService.filled(execution.account, order.conId));
    this.engine = new OrderEngine(this.settings, this.prices, ids, ledger, notifier);
    this.router = new RequestRouter(this.engine, this.marketData, this.options.accounts, this.accountService, this.options.masterClientId,
      new ContractCatalog(this.instruments, (key) => this.prices.get(key), this.session, now));
  }

  /** The bound port (kept through a restart); the configured one before start(). */
  get port(): number {
    return this.listener.port || this.options.port;
  }

  /** Every order placed, in arrival order. The objects are live: they change as the order progresses. */
  get orders(): SimOrder[] {
    return this.engine.book.all().map((record) => record.order);
  }

  /** Today's executions; a corrected execution appears only in its latest revision. */
  get executions(): SimExecution[] {
    return [...this.engine.ledger.all()];
  }

  async start(): Promise<number> {
    this.stopped = false;
    const port = await this.listener.listen(this.options.host, this.options.port);
    this.startWalk();
    return port;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.walkTimer) clearInterval(this.walkTimer);
    this.walkTimer = undefined;
    this.engine.shutdown();
    this.accountService.stop();
    await this.listener.close();
  }

  connectedClients(): number[] {
    return [...this.clients.keys()];
  }

  /** A Gateway restart: connections dropped and refused for downMs, then accepted again on the same port. */
  async restart(downMs: number): Promise<void> {
    const port = this.port;
    await this.listener.close();
    await delay(downMs);
    if (!this.stopped) await this.listener.listen(this.options.host, port);
  }

  /** Fault: a hung Gateway for `ms` — connections stay open but nothing they send is read or answered. */
  async freeze(ms: number): Promise<void> {
    this.frozen = true;
    await this.listener.freezeAll(ms);
    this.frozen = false;
    this.accountService.resumed();
  }

  dropConnections(): void {
    this.listener.dropAll();
  }

  /** A notice with id −1 to every started client (1100, 1101, 1102, 2110, 2104…); arrives as `info`. */
  sendInfo(code: number, message = INFO_MESSAGES[code] ?? `Simulated notice ${code}`): void {
    for (const session of this.clients.values()) session.send(errorMessage(session.serverVersion, -1, code, message));
  }

  /** `symbol` is an instrument key: the symbol, or BASE.QUOTE for a currency pair (EUR.USD). */
  setPrice(symbol: string, price: number): void {
    this.prices.set(symbol, price);
    this.pricesChanged([symbol]);
  }

  getPrice(symbol: string): number {
    return this.prices.get(symbol);
  }

  /** Fixes the simulator's clock (trading hours, futures expiries) at `time`; undefined: the wall clock again. */
  setTime(time: Date | number | undefined): void {
    this.fixedTimeMs = time === undefined ? undefined : +time;
    this.engine.onClockChanged();
  }

  /** At most `quantity` of one order executes per price update (undefined: no limit): partial fills that rest. */
  setMaxFillQuantity(quantity: number | undefined): void {
    if (quantity !== undefined && !(quantity > 0)) throw new RangeError(`max fill quantity must be > 0, got ${quantity}`);
    this.settings.maxFillQuantity = quantity;
  }

  setFillDelay(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`fill delay must be >= 0, got ${ms}`);
    this.settings.fillDelayMs = ms;
  }

  setUnknownSymbol(symbol: string, unknown = true): void {
    this.instruments.setUnknown(symbol, unknown);
  }

  /** Lists one more contract (`SYMBOL`, `SECTYPE:SYMBOL` or `EUR.USD`). */
  addSymbol(entry: string): void {
    this.instruments.add(entry);
  }

  /** What market data the account may see from now on (existing subscriptions keep streaming). */
  setMarketData(mode: MarketDataMode): void {
    this.marketDataMode = mode;
  }

  /** Streaming market data subscriptions open across all connections. */
  /** Open market-data subscriptions, of one instrument (`AAPL`, `EUR.USD`) or of all. */
  marketDataSubscriptions(key?: string): number {
    return this.marketData.subscriptions(key);
  }

  setPartialFills(n: number): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`partial fills must be a positive integer, got ${n}`);
    this.settings.partialFills = n;
  }

  /** An account's figures as IB reports them now (positions valued at current prices, cash, margin, P&L). */
  account(account = this.options.account): AccountSnapshot {
    return this.accountBook.snapshot(account);
  }

  /**
   * A trade made outside Tradehook (in TWS, by hand): a market order under client id 0 that fills like any other, at
   * `price` when given (the market moves there first). Position subscribers hear the change, the master client's
   * reqExecutions lists it, and the API client's own reqExecutions does not — as IB reports a manual trade.
   */
  manualTrade(trade: ManualTrade): SimOrder {
    if (!Number.isFinite(trade.quantity) || trade.quantity === 0) throw new RangeError(`quantity must be a non-zero number, got ${trade.quantity}`);
    const contract = { symbol: trade.symbol, secType: trade.secType ?? 'STK', currency: trade.currency ?? 'USD' };
    if (trade.price !== undefined) this.setPrice(instrumentKey(contract), trade.price);
    const orderId = this.engine.nextValidId(MANUAL_CLIENT_ID);
    this.engine.place(MANUAL_CLIENT_ID, manualTradeRequest(trade, orderId, this.options.account), preciseNow());
    return this.orders.find((order) => order.clientId === MANUAL_CLIENT_ID && order.orderId === orderId)!;
  }

  /** Sends the next revision of an execution (".01" → ".02") live and makes it replace the old one in replays. */
  correctExecution(execId: string, newPrice?: number): SimExecution {
    return this.engine.correctExecution(execId, newPrice);
  }

  private startWalk(): void {
    const { walk } = this.options;
    if (!walk || this.walkTimer) return;
    this.walkTimer = setInterval(() => {
      this.pricesChanged(this.prices.step(this.random, walk.maxStepFraction));
    }, walk.intervalMs);
    this.walkTimer.unref(); // the walk alone must not keep a process (or jest) alive
  }

  private pricesChanged(keys: string[]): void {
    this.engine.onPricesChanged(keys);
    this.marketData.pricesChanged(keys);
    this.accountService.pricesChanged();
  }

  private accept(socket: Socket): void {
    this.stats.connections++;
    // The session lives as long as its socket: the socket's listeners hold it, and clients maps it once started.
    new Session(socket, this.sessionHandler, this.options.maxMessagesPerSecond);
  }

  private readonly sessionHandler: SessionHandler = {
    negotiateVersion: (versionText) => negotiateServerVersion(versionText, this.options.serverVersion),
    startApi: (session, clientId) => this.startApi(session, clientId),
    handleMessage: (session, fields, receivedAt) => {
      if (fields[0] === String(Incoming.PLACE_ORDER)) this.stats.placeOrders++;
      this.router.route(session, fields, receivedAt);
    },
    countMessage: () => {
      this.stats.messagesReceived++;
    },
    decodeError: (session, error) => {
      this.stats.decodeErrors++;
      // An order id read before the failure addresses the notice to that order (an `error`, not an `info`).
      const id = error instanceof RequestDecodeError ? error.id : -1;
      if (session.started) session.send(errorMessage(session.serverVersion, id, 320, `Error reading request: ${error.message}`));
      this.emit('decodeError', error);
    },
    pacingViolation: (session) => {
      this.stats.pacingViolations++;
      const message = `Max rate of messages per second has been exceeded: max=${this.options.maxMessagesPerSecond}`;
      session.send(errorMessage(session.serverVersion, -1, 100, message));
      session.closeAfterFlush();
      this.emit('pacingViolation', session.clientId ?? -1);
    },
    closed: (session) => {
      this.marketData.forget(session);
      this.accountService.forget(session);
      if (session.clientId === undefined || this.clients.get(session.clientId) !== session) return;
      this.clients.delete(session.clientId);
      this.emit('disconnect', session.clientId);
    },
  };

  /** START_API: a client id already connected gets 326 and is closed, as TWS does. */
  private startApi(session: Session, clientId: number): void {
    if (this.clients.has(clientId)) {
      const message = 'Unable to connect as the client id is already in use. Retry with a unique client id.';
      session.send(errorMessage(session.serverVersion, -1, 326, message));
      session.closeAfterFlush();
      return;
    }
    session.markStarted(clientId);
    this.clients.set(clientId, session);
    session.send(managedAccounts(this.options.accounts));
    session.send(nextValidId(this.engine.nextValidId(clientId)));
    for (const code of SESSION_START_INFO_CODES) session.send(errorMessage(session.serverVersion, -1, code, INFO_MESSAGES[code]));
    this.emit('connect', clientId);
  }
}
