import { EventName, IBApi, type Contract, type Order } from '@stoqey/ib';
import type { IbConnection } from '@tradehook/contracts';
import type { Logger } from 'pino';
import { AccountGuard } from './account-guard';
import { Backoff } from './backoff';
import { CONNECTION_ERRORS, IB_LINK_LOST, IB_LINK_RESTORED, plainReason } from './connection-reasons';
import { Heartbeat } from './heartbeat';
import { toCommissionReport, toExecutionReport, toOrderReport } from './ib-mapping';
import type { ExecutionReport, IbEventSink, OrderReport } from './ib-types';
import type { SessionFeed } from './market-data';
import { Pacer } from './pacer';
import { RequestCollectors } from './request-collectors';

export interface IbSessionOptions {
  host: string;
  port: number;
  clientId: number;
  mode: IbConnection['mode'];
  maxMessagesPerSecond: number;
  connectTimeoutMs?: number;
  /** IB_ALLOW_LIVE: without it a live (non-D) account is refused, whatever the port. */
  allowLive?: boolean;
  /** Silence after which IB is asked for the time, and how long it then has to say anything (see Heartbeat). */
  heartbeat?: { intervalMs: number; timeoutMs: number };
}

export interface IbSessionHooks {
  sink: IbEventSink;
  /** Runs after nextValidId on every (re)connect; the session says "connected" only when it resolves. */
  reconcile: (session: IbSession) => Promise<void>;
  onChange: (connection: IbConnection) => void;
  /** Market data: sees each socket once IB accepted it, sends through the pacer, owns its request ids' errors. */
  feed?: SessionFeed;
}

/**
 * One supervised connection to TWS / IB Gateway with a fixed client id: connects, reconciles, reconnects with
 * capped backoff, paces every outgoing message, and hands every order event to the sink. Each connection attempt
 * gets a fresh IBApi so nothing buffered for a dead socket can ever be sent later with a stale order id.
 */
export class IbSession {
  private api: IBApi | null = null;
  private generation = 0;
  private stopped = true;
  private state: IbConnection['state'] = 'disconnected';
  private since = new Date();
  private reason: string | null = 'not started';
  private readonly accounts: AccountGuard;
  private nextOrderId = 1;
  private lastNextValidId = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly backoff = new Backoff();
  private readonly pacer: Pacer;
  private readonly collectors = new RequestCollectors();
  private nextReqId = 1_000_000;
  private heartbeat: Heartbeat | null = null;

  constructor(private readonly options: IbSessionOptions, private readonly hooks: IbSessionHooks, private readonly log: Logger) {
    this.pacer = new Pacer(options.maxMessagesPerSecond);
    this.accounts = new AccountGuard(options.allowLive ?? false, options.mode);
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.drop('stopped');
  }

  connection(): IbConnection {
    const { host, port, clientId } = this.options;
    return { ...this.accounts.shown(), state: this.state, since: this.since.toISOString(), reason: this.reason, host, port, clientId };
  }

  /** True when new orders may go out: connected and reconciled. */
  isReady(): boolean {
    return this.state === 'connected';
  }

  get clientId(): number {
    return this.options.clientId;
  }

  /** Never hand out an id at or below one already used (persisted high-water mark). */
  raiseOrderIdFloor(nextFree: number): void {
    this.nextOrderId = Math.max(this.nextOrderId, nextFree);
  }

  allocateOrderId(): number {
    return this.nextOrderId++;
  }

  peekNextOrderId(): number {
    return this.nextOrderId;
  }

  /** The lowest id IB itself would accept now (its last nextValidId): an unsent order at or above it keeps its id. */
  get ibNextValidId(): number {
    return this.lastNextValidId;
  }

  /** Identifies the current socket; a send tagged with an older one is refused (its reconcile owns the order). */
  get generationNow(): number {
    return this.generation;
  }

  /**
   * Waits for a pacing slot, then writes placeOrder — only if the socket is still the one of `generation` and
   * usable. Returns false when nothing was written.
   */
  async placeOrder(generation: number, id: number, contract: Contract, order: Order): Promise<boolean> {
    return this.paced((api) => api.placeOrder(id, contract, order), generation);
  }

  async cancelOrder(id: number): Promise<boolean> {
    return this.paced((api) => api.cancelOrder(id));
  }

  /** Open orders of this client (openOrder … openOrderEnd); every report also reaches the sink. */
  requestOpenOrders(): Promise<OrderReport[]> {
    return this.collectors.collect<OrderReport>('openOrders', () => this.paced((api) => api.reqOpenOrders()));
  }

  /** Today's filled / cancelled orders (completedOrder … completedOrdersEnd). */
  requestCompletedOrders(): Promise<OrderReport[]> {
    return this.collectors.collect<OrderReport>('completedOrders', () => this.paced((api) => api.reqCompletedOrders(true)));
  }

  /** Today's executions of this client, each followed by its commission report (… execDetailsEnd). */
  requestExecutions(): Promise<ExecutionReport[]> {
    const reqId = this.nextReqId++;
    const request = (api: IBApi) => api.reqExecutions(reqId, { clientId: String(this.options.clientId) });
    return this.collectors.collect<ExecutionReport>('executions', () => this.paced(request), reqId);
  }

  /** IB's minimum tick of each contract matching `contract` (reqContractDetails … contractDetailsEnd). */
  requestMinTicks(contract: Contract): Promise<number[]> {
    const reqId = this.nextReqId++;
    const request = (api: IBApi) => api.reqContractDetails(reqId, contract);
    return this.collectors.collect<number>('contractDetails', () => this.paced(request), reqId);
  }

  private async paced(send: (api: IBApi) => void, generation = this.generation): Promise<boolean> {
    await this.pacer.acquire();
    const usable = this.state === 'connected' || this.state === 'reconciling';
    if (!this.api || generation !== this.generation || !usable) return false;
    send(this.api);
    return true;
  }

  private setState(state: IbConnection['state'], reason: string | null): void {
    if (this.state === state && this.reason === reason) return;
    this.state = state;
    this.reason = reason;
    this.since = new Date();
    this.log.info({ ib: { state, reason } }, `IB ${state}${reason ? `: ${reason}` : ''}`);
    this.hooks.onChange(this.connection());
  }

  private connect(): void {
    if (this.stopped) return;
    this.reconnectTimer = null;
    const generation = ++this.generation;
    const { host, port, clientId } = this.options;
    this.setState('connecting', `connecting to ${host}:${port}`);
    // Our Pacer governs the rate; the client's own limiter is set out of the way so the two never stack.
    const api = new IBApi({ host, port, maxReqPerSec: 1_000 });
    this.api = api;
    this.wire(api, generation);
    const timeout = setTimeout(() => {
      if (generation === this.generation && this.state === 'connecting') this.fail(generation, `no answer from ${host}:${port} within 10 s`);
    }, this.options.connectTimeoutMs ?? 10_000);
    // Nothing goes out — reconcile included — before IB has named its accounts and they may trade.
    this.accounts.begin({
      go: () => {
        clearTimeout(timeout);
        if (this.state !== 'connecting') return;
        void this.reconcileThenReady(generation, 'connected');
        this.hooks.feed?.opened({ api, send: (request) => this.paced(request, generation) });
      },
      refuse: (reason) => {
        clearTimeout(timeout);
        this.log.error({ ib: this.accounts.shown() }, `IB connection refused: ${reason}`);
        this.fail(generation, reason);
      },
    });
    this.pacer.record(); // the handshake's START_API counts against IB's budget too
    api.connect(clientId);
  }

  private wire(api: IBApi, generation: number): void {
    const current = () => generation === this.generation;
    api.on(EventName.received, () => current() && this.heartbeat?.heard()); // every message IB sends is a sign of life
    api.on(EventName.nextValidId, (id: number) => {
      if (!current()) return;
      this.lastNextValidId = id;
      this.raiseOrderIdFloor(id);
      this.accounts.nextValidId();
    });
    api.on(EventName.managedAccounts, (accounts: string) => current() && this.accounts.named(accounts));
    api.on(EventName.disconnected, () => current() && this.fail(generation, 'connection closed by IB'));
    api.on(EventName.error, (error: Error, code: number, reqId: number) => {
      if (!current()) return;
      if (this.collectors.failRequest(reqId, new Error(`IB error ${code}: ${error.message}`))) return;
      if (this.hooks.feed?.ownsRequest(reqId)) return;
      if (reqId > 0) return this.hooks.sink.orderError({ ibOrderId: reqId, code, message: error.message });
      if (CONNECTION_ERRORS.has(code) || (reqId === -1 && code === 0)) return this.fail(generation, `${code}: ${error.message}`);
      this.log.warn({ ib: { code, reqId } }, `IB error ${code}: ${error.message}`);
    });
    api.on(EventName.info, (message: string, code: number) => {
      if (!current()) return;
      // A Gateway that lost IB is treated as a drop: reconnecting gives a fresh generation and a full reconcile.
      // IB sends id -1 messages (client id in use, pacing violation) as info too.
      if (CONNECTION_ERRORS.has(code) || code === 100) this.fail(generation, `${code}: ${message}`);
      else if (IB_LINK_LOST.has(code)) this.fail(generation, `IB Gateway lost its link to IB (${code}): ${message}`);
      else if (IB_LINK_RESTORED.has(code)) this.log.info({ ib: { code } }, message);
      else {
        this.log.debug({ ib: { code } }, message);
      }
    });
    api.on(EventName.openOrder, (orderId, _contract, order, state) => {
      if (!current()) return;
      const report = toOrderReport(orderId, order, state);
      this.hooks.sink.orderReport(report);
      this.collectors.add('openOrders', report);
    });
    api.on(EventName.openOrderEnd, () => current() && this.collectors.finish('openOrders'));
    api.on(EventName.completedOrder, (_contract, order, state) => {
      if (!current()) return;
      const report = toOrderReport(order.orderId ?? 0, order, state);
      this.hooks.sink.orderReport(report);
      this.collectors.add('completedOrders', report);
    });
    api.on(EventName.completedOrdersEnd, () => current() && this.collectors.finish('completedOrders'));
    api.on(EventName.orderStatus, (orderId, status, filled, remaining, avgFillPrice, permId, _parentId, _last, clientId) => {
      if (!current()) return;
      this.hooks.sink.orderReport({
        ibOrderId: orderId, clientId: clientId ?? null, permId: permId || null, orderRef: null, ibStatus: String(status),
        filled: String(filled), remaining: String(remaining), avgFillPrice: avgFillPrice ? String(avgFillPrice) : null,
      });
    });
    api.on(EventName.execDetails, (reqId, contract, execution) => {
      if (!current()) return;
      const report = toExecutionReport(contract, execution);
      if (!report) return;
      this.hooks.sink.execution(report);
      this.collectors.add('executions', report, reqId);
    });
    api.on(EventName.execDetailsEnd, (reqId) => current() && this.collectors.finish('executions', reqId));
    api.on(EventName.contractDetails, (reqId, d) => current() && this.collectors.add('contractDetails', d.minTick, reqId));
    api.on(EventName.contractDetailsEnd, (reqId) => current() && this.collectors.finish('contractDetails', reqId));
    api.on(EventName.commissionReport, (c) => {
      const report = current() ? toCommissionReport(c) : null;
      if (report) this.hooks.sink.commission(report);
    });
  }

  private async reconcileThenReady(generation: number, how: string): Promise<void> {
    this.setState('reconciling', 'matching the database with what IB reports');
    try {
      await this.hooks.reconcile(this);
      if (generation !== this.generation) return;
      this.backoff.reset();
      this.setState('connected', null);
      this.startHeartbeat(generation);
      this.log.info({ ib: { how, nextOrderId: this.nextOrderId } }, 'IB ready for orders');
    } catch (error) {
      this.fail(generation, `reconcile failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private fail(generation: number, reason: string): void {
    if (generation !== this.generation) return;
    this.drop(reason);
    if (this.stopped) return;
    const delay = this.backoff.next();
    this.setState('disconnected', `${plainReason(reason, this.options.host, this.options.port)} — reconnecting automatically`);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private startHeartbeat(generation: number): void {
    const { intervalMs = 15_000, timeoutMs = 10_000 } = this.options.heartbeat ?? {};
    this.heartbeat = new Heartbeat({ intervalMs, timeoutMs },
      () => void this.paced((api) => api.reqCurrentTime(), generation),
      (silentMs) => this.fail(generation, `no answer from IB for ${Math.round(silentMs / 1000)} s (a hung Gateway?)`));
    this.heartbeat.start();
  }

  /** Forgets the current socket: its late events are ignored from here on. */
  private drop(reason: string): void {
    this.heartbeat?.stop();
    this.heartbeat = null;
    this.generation++;
    const api = this.api;
    this.api = null;
    this.collectors.failAll(reason);
    this.hooks.feed?.closed();
    this.pacer.releaseAll();
    if (api) {
      try {
        api.disconnect();
      } catch {
        /* already closed */
      }
      api.removeAllListeners();
      api.on(EventName.error, () => undefined);
    }
    this.setState('disconnected', reason);
  }
}
