import { IbSimulator } from '@tradehook/ib-simulator';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AlertStore } from './alerts/alert-store';
import { LIVE_PORTS, type Config } from './config';
import { EventBus } from './events/bus';
import { AlertDisowner } from './ingest/alert-disowner';
import { AlertWriter, type AlertRecord } from './ingest/alert-writer';
import { AuditLog } from './admin/audit-log';
import { SessionStore } from './auth/sessions';
import { UserStore } from './auth/users';
import { secretAuthenticator } from './ingest/authenticate';
import { WebhookIntake } from './ingest/webhook-intake';
import { floodGuards } from './ingest/flood-guards';
import { KnownSecrets } from './ingest/known-secrets';
import { Redactor } from './ingest/redact';
import type { RejectedAlertPruner } from './alerts/rejected-pruner';
import { IbSession } from './ib/ib-session';
import { MarketData } from './ib/market-data';
import { AccountMirror } from './ib/account-mirror';
import { AccountStore } from './ib/account-store';
import { combineFeeds } from './ib/feeds';
import { TradehookMetrics } from './metrics/registry';
import { toIbContract } from './ib/ib-mapping';
import { ContractResolver } from './orders/contract-resolver';
import { Dispatcher } from './orders/dispatcher';
import { TickSizes } from './orders/exits/tick-size';
import { Mutex } from './orders/mutex';
import { OrderLedger } from './orders/order-ledger';
import type { PendingAlert } from './orders/pending-alert';
import { reconcile } from './orders/reconciler';
import { LastFillPrices } from './orders/last-fill-prices';
import { referencePrices } from './orders/reference-price';
import { riskCheck } from './orders/risk';
import { addressAllowed } from './settings/ip-allowlist';
import { SettingsStore } from './settings/settings-store';
import { DatabaseClock } from './db/database-clock';
import { DriftMonitor } from './positions/drift-monitor';
import { PositionBook } from './positions/position-book';
import { PositionSignals } from './positions/position-signals';
import { StrategyStore } from './strategies/strategy-store';
import { StatusService } from './status/status-service';
import { TradeQueries } from './trades/trade-queries';

export interface Services {
  db: DataSource;
  bus: EventBus;
  writer: AlertWriter;
  intake: WebhookIntake;
  alerts: AlertStore;
  trades: TradeQueries;
  status: StatusService;
  session: IbSession;
  /** IB's positions and account values, mirrored into PostgreSQL. */
  accountStore: AccountStore;
  ledger: OrderLedger;
  dispatcher: Dispatcher;
  contracts: ContractResolver;
  settings: SettingsStore;
  strategies: StrategyStore;
  users: UserStore;
  sessions: SessionStore;
  audit: AuditLog;
  metrics: TradehookMetrics;
  /** Deletes old rejected and duplicate alerts on a schedule. */
  pruner: RejectedAlertPruner;
  /** Strategy positions against IB's: drifting contracts. */
  drift: DriftMonitor;
  /** The in-process IB Gateway stand-in, when no IB_HOST is configured. */
  simulator: IbSimulator | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ServiceContext {
  config: Config;
  db: DataSource;
  log: Logger;
  version: string;
  embeddedDatabase: boolean;
  /** Where TradingView should post (shown in /api/status and the web app). */
  webhookUrl: string;
}

/** The composition root: every long-lived part of Tradehook, wired once. */
export async function createServices(ctx: ServiceContext): Promise<Services> {
  const { config, db, log } = ctx;
  const bus = new EventBus();
  const simulator = config.ib.host ? null : new IbSimulator({ port: 0 });
  const ibPort = simulator ? await simulator.start() : config.ib.port!;
  const mode = simulator ? 'simulator' : config.ib.allowLive && LIVE_PORTS.includes(ibPort) ? 'live' : 'paper';
  if (simulator) log.info({ ib: { port: ibPort } }, `IB_HOST not set: trading against the built-in IB simulator on port ${ibPort} (no real orders)`);

  const settings = new SettingsStore(db, {
    killSwitch: config.killSwitch, orderMaxAgeSeconds: config.orderMaxAgeSeconds, duplicateWindowSeconds: config.duplicateWindowSeconds,
  }, () => bus.publish('settings', 1));
  const strategies = new StrategyStore(db);
  const mutex = new Mutex();
  const lastFills = new LastFillPrices(db);
  const ledger = new OrderLedger(db, bus, log, config.ib.clientId, (e) => lastFills.observe(e.secType, e.symbol, Number(e.price)));
  const contracts = new ContractResolver(db);
  let dispatcher: Dispatcher | null = null;
  const marketData = new MarketData(log);
  const accountStore = new AccountStore(db, bus, log);
  const accountMirror = new AccountMirror(accountStore, (contract) => marketData.quote(contract), log);
  const session = new IbSession(
    { host: config.ib.host ?? '127.0.0.1', port: ibPort, clientId: config.ib.clientId, mode, maxMessagesPerSecond: config.ib.maxMessagesPerSecond,
      allowLive: config.ib.allowLive,
      heartbeat: { intervalMs: config.ib.heartbeatSeconds * 1000, timeoutMs: config.ib.heartbeatSeconds * 1000 } },
    {
      sink: ledger,
      feed: combineFeeds(marketData, accountMirror),
      reconcile: (s) => reconcile(s, { db, ledger, mutex, log }),
      onChange: (connection) => {
        bus.publish('connection', connection.state, connection.reason ?? undefined);
        if (connection.state === 'connected') dispatcher?.onReady();
      },
    },
    log,
  );
  const drift = new DriftMonitor(db, bus, log);
  const metrics = new TradehookMetrics({ db, ibConnection: () => session.connection(), dispatchQueueDepth: () => dispatcher?.pending() ?? 0,
    driftingContracts: () => drift.count() });
  // The reference price is IB's (market data, else the last fill): never the alert's, not even in the demo.
  dispatcher = new Dispatcher(db, session, contracts, riskCheck(() => settings.current(), strategies,
    referencePrices((contract) => marketData.quote(contract), (contract) => lastFills.get(contract.secType, contract.symbol))),
    mutex, bus, log, {
      maxAgeMs: () => settings.current().orderMaxAgeSeconds * 1000,
      onOrderWritten: (alert) => metrics.observeOrderWritten(alert),
      // Exits round to IB's own minTick for the contract, asked once per contract.
      ticks: new TickSizes(async (contract) => (await session.requestMinTicks(toIbContract(contract)))[0] ?? null),
      signals: new PositionSignals(new PositionBook(db, session), (name) => strategies.get(name)?.positionMode ?? 'orders'),
    });

  const databaseClock = new DatabaseClock(db, log);
  const disowner = new AlertDisowner(db, (message, detail) => log.warn(detail, message));
  const writer = new AlertWriter(db, {
    duplicateWindowSeconds: () => settings.current().duplicateWindowSeconds,
    databaseClockOffsetMs: () => databaseClock.offsetMs,
    deadlineMs: config.ingestDeadlineMs,
    disown: (records, why) => disowner.disown(records, why),
    warn: (message, error) => log.error({ err: error }, message),
  }, (committed) => {
    const accepted: PendingAlert[] = [];
    for (const { outcome, record, arrivedAt } of committed) {
      bus.publish('alert', outcome.id, outcome.status);
      if (outcome.status === 'accepted') accepted.push(pendingAlertOf(outcome.id, record, arrivedAt));
    }
    if (accepted.length) dispatcher!.enqueue(accepted);
  });
  const redactor = new Redactor(new KnownSecrets(config.webhookSecret, () => strategies.secretHashes()));
  const { failures, pruner } = floodGuards({ db, log, settings, metrics, failureLimitPerMinute: config.webhookFailureLimitPerMinute });
  const intake = new WebhookIntake(writer, secretAuthenticator(config.webhookSecret, (name) => strategies.get(name)), redactor,
    (message, error) => log.error({ err: error }, message),
    (ip) => !settings.current().ipAllowlistEnabled || addressAllowed(settings.current().ipAllowlist, ip), failures,
    (name) => strategies.imitationProblem(name));
  const status = new StatusService(db, {
    version: ctx.version, startedAt: new Date(), embeddedDatabase: ctx.embeddedDatabase, webhookUrl: ctx.webhookUrl,
  }, session, { pending: () => dispatcher!.pending(), killSwitch: () => settings.current().killSwitch });

  return {
    db, bus, writer, intake, alerts: new AlertStore(db), trades: new TradeQueries(db), status, session, accountStore, ledger,
    dispatcher, contracts, simulator, settings, strategies,
    users: new UserStore(db), sessions: new SessionStore(db), audit: new AuditLog(db), metrics, pruner, drift,
    async start() {
      await databaseClock.start();
      await lastFills.load();
      await settings.start();
      await strategies.start();
      await drift.start();
      await pruner.start();
      await accountStore.load();
      dispatcher!.start();
      session.start();
    },
    async stop() {
      await pruner.stop();
      databaseClock.stop();
      settings.stop();
      strategies.stop();
      await drift.stop();
      dispatcher!.stop();
      await writer.drain();
      await session.stop();
      await accountStore.stop();
      await ledger.idle();
      await simulator?.stop();
    },
  };
}

/** `arrivedAt`: the epoch ms behind `r.received_at`, kept as a number (no parsing on the hot path). */
function pendingAlertOf(id: number, r: AlertRecord, arrivedAt: number): PendingAlert {
  return {
    id, receivedAt: new Date(Math.floor(arrivedAt)), receivedAtMs: arrivedAt, strategy: r.strategy!, symbol: r.symbol!, exchange: r.exchange,
    price: r.price!, direction: r.direction as PendingAlert['direction'], quantity: r.quantity, orderType: r.order_type,
    limitPrice: r.limit_price, stopPrice: r.stop_price, tif: r.tif, secType: r.sec_type, currency: r.currency, signal: r.signal ?? null,
    exits: r.exits ?? null,
  };
}
