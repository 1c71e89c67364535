/**
 * IB's positions and account values in PostgreSQL (ib_positions, ib_account_values), each with the time IB reported
 * it. Reports arrive in bursts (a fill moves a position, its P&L and the account at once): they are merged in memory
 * and written together at most every flushMs, one statement per table, then announced on the event bus.
 */
import type { AccountOverview, Position } from '@tradehook/contracts';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { EventBus } from '../events/bus';
import { sqlRows } from '../db/sql';

/** One position as IB last described it; decimals as text, null where IB has not said. */
export interface PositionRecord {
  account: string;
  conId: number;
  symbol: string;
  localSymbol: string | null;
  secType: string;
  exchange: string | null;
  currency: string;
  multiplier: string | null;
  lastTradeDate: string | null;
  quantity: string;
  avgCost: string;
  marketPrice: string | null;
  marketValue: string | null;
  unrealizedPnl: string | null;
  realizedPnl: string | null;
  dailyPnl: string | null;
  reportedAt: Date;
}

export type PositionContract = Pick<PositionRecord, 'symbol' | 'localSymbol' | 'secType' | 'exchange' | 'currency' | 'multiplier' | 'lastTradeDate'>;

interface ValueRecord {
  account: string;
  tag: string;
  currency: string;
  value: string;
  reportedAt: Date;
}

/** The account tags GET /api/account shows; the P&L ones come from reqPnL (no currency). */
export const PNL_TAGS = { daily: 'DailyPnL', unrealized: 'UnrealizedPnL', realized: 'RealizedPnL' } as const;

const POSITION_COLUMNS = `account, con_id, symbol, local_symbol, sec_type, exchange, currency, multiplier, last_trade_date, quantity, avg_cost,
  market_price, market_value, unrealized_pnl, realized_pnl, daily_pnl, reported_at`;
const UPDATE_POSITION = POSITION_COLUMNS.split(',').map((c) => c.trim()).filter((c) => c !== 'account' && c !== 'con_id')
  .map((c) => `${c} = EXCLUDED.${c}`).join(', ');
const key = (account: string, conId: number) => `${account}\u0000${conId}`;

export class AccountStore {
  private readonly positions = new Map<string, PositionRecord>();
  private readonly dirtyPositions = new Set<string>();
  private readonly dirtyValues = new Map<string, ValueRecord>();
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: DataSource, private readonly bus: EventBus, private readonly log: Logger, private readonly flushMs = 100) {}

  /** What was stored before this process started: the mirror continues from it (and corrects it on connect). */
  async load(): Promise<void> {
    const rows = await sqlRows(this.db, `SELECT ${POSITION_COLUMNS} FROM ib_positions`);
    for (const row of rows) this.positions.set(key(row.account, Number(row.con_id)), recordOf(row));
  }

  get(account: string, conId: number): PositionRecord | undefined {
    return this.positions.get(key(account, conId));
  }

  held(): PositionRecord[] {
    return [...this.positions.values()].filter((p) => Number(p.quantity) !== 0);
  }

  /** A POSITION report: contract, quantity and average cost. A new position starts without P&L. */
  position(account: string, conId: number, contract: PositionContract, quantity: string, avgCost: string, at = new Date()): void {
    const before = this.get(account, conId);
    const base = before ?? { marketPrice: null, marketValue: null, unrealizedPnl: null, realizedPnl: null, dailyPnl: null };
    this.put({ ...base, ...contract, account, conId, quantity, avgCost, reportedAt: at });
  }

  /** P&L, value or price of a position already known; the fields given replace the stored ones. */
  update(account: string, conId: number, patch: Partial<Pick<PositionRecord, 'marketPrice' | 'marketValue' | 'unrealizedPnl' | 'realizedPnl' | 'dailyPnl'>>, at = new Date()): void {
    const before = this.get(account, conId);
    if (before) this.put({ ...before, ...patch, reportedAt: at });
  }

  /** After a full reqPositions answer: a stored position IB no longer lists is flat now. */
  flatExcept(listed: ReadonlySet<string>, at = new Date()): void {
    for (const [k, p] of this.positions) {
      if (!listed.has(k) && Number(p.quantity) !== 0) this.put({ ...p, quantity: '0', marketValue: '0', unrealizedPnl: '0', reportedAt: at });
    }
  }

  static keyOf(account: string, conId: number): string {
    return key(account, conId);
  }

  value(account: string, tag: string, currency: string, value: string, at = new Date()): void {
    this.dirtyValues.set(`${account}\u0000${tag}\u0000${currency}`, { account, tag, currency, value, reportedAt: at });
    this.scheduleFlush();
  }

  async list(): Promise<Position[]> {
    await this.flushing;
    const rows = await sqlRows(this.db, `SELECT ${POSITION_COLUMNS} FROM ib_positions ORDER BY account, symbol, con_id`);
    return rows.map((row) => {
      const { lastTradeDate: _, reportedAt, ...rest } = recordOf(row);
      return { ...rest, asOf: reportedAt.toISOString() };
    });
  }

  async overview(connected: boolean): Promise<AccountOverview> {
    await this.flushing;
    const rows = await sqlRows<{ account: string; tag: string; currency: string; value: string; reported_at: Date }>(this.db,
      `SELECT account, tag, currency, value, reported_at FROM ib_account_values ORDER BY account`);
    const byAccount = new Map<string, typeof rows>();
    for (const row of rows) byAccount.set(row.account, [...(byAccount.get(row.account) ?? []), row]);
    const accounts = [...byAccount].map(([account, values]) => {
      const find = (tag: string) => values.find((v) => v.tag === tag);
      const amount = (tag: string) => decimalText(find(tag)?.value);
      const asOf = values.reduce((latest, v) => Math.max(latest, new Date(v.reported_at).getTime()), 0);
      return {
        account, paper: account.startsWith('D'), currency: find('NetLiquidation')?.currency || null,
        netLiquidation: amount('NetLiquidation'), availableFunds: amount('AvailableFunds'), buyingPower: amount('BuyingPower'),
        dailyPnl: amount(PNL_TAGS.daily), unrealizedPnl: amount(PNL_TAGS.unrealized), realizedPnl: amount(PNL_TAGS.realized),
        asOf: asOf ? new Date(asOf).toISOString() : null,
      };
    });
    return { connected, accounts };
  }

  /** Writes what is pending now (tests, shutdown). */
  flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.flushing = this.flushing.then(() => this.write()).catch((error) => this.log.error({ err: error }, 'could not store IB positions / account values'));
    return this.flushing;
  }

  async stop(): Promise<void> {
    await this.flush();
  }

  private put(record: PositionRecord): void {
    const k = key(record.account, record.conId);
    this.positions.set(k, record);
    this.dirtyPositions.add(k);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (!this.flushTimer) this.flushTimer = setTimeout(() => void this.flush(), this.flushMs);
  }

  private async write(): Promise<void> {
    const positionKeys = [...this.dirtyPositions];
    const positions = positionKeys.map((k) => this.positions.get(k)!);
    const values = [...this.dirtyValues.entries()];
    this.dirtyPositions.clear();
    this.dirtyValues.clear();
    try {
      await this.writeRows(positions, values.map(([, v]) => v));
    } catch (error) {
      // PostgreSQL away: keep what was not written (newer reports win) and try again later.
      for (const k of positionKeys) this.dirtyPositions.add(k);
      for (const [k, v] of values) if (!this.dirtyValues.has(k)) this.dirtyValues.set(k, v);
      setTimeout(() => this.scheduleFlush(), 1_000).unref();
      throw error;
    }
  }

  private async writeRows(positions: PositionRecord[], values: ValueRecord[]): Promise<void> {
    if (positions.length) {
      await this.db.query(`INSERT INTO ib_positions (${POSITION_COLUMNS})
        SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(account text, con_id bigint, symbol text, local_symbol text, sec_type text,
          exchange text, currency text, multiplier numeric, last_trade_date text, quantity numeric, avg_cost numeric, market_price numeric,
          market_value numeric, unrealized_pnl numeric, realized_pnl numeric, daily_pnl numeric, reported_at timestamptz)
        ON CONFLICT (account, con_id) DO UPDATE SET ${UPDATE_POSITION}`, [JSON.stringify(positions.map(rowOf))]);
      for (const p of positions) this.bus.publish('position', `${p.account}:${p.conId}`);
    }
    if (values.length) {
      await this.db.query(`INSERT INTO ib_account_values (account, tag, currency, value, reported_at)
        SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(account text, tag text, currency text, value text, reported_at timestamptz)
        ON CONFLICT (account, tag, currency) DO UPDATE SET value = EXCLUDED.value, reported_at = EXCLUDED.reported_at`,
      [JSON.stringify(values.map((v) => ({ account: v.account, tag: v.tag, currency: v.currency, value: v.value, reported_at: v.reportedAt })))]);
      for (const account of new Set(values.map((v) => v.account))) this.bus.publish('account', account);
    }
  }
}

/** A decimal as the contracts carry it, or null for anything else (IB's text values are not always numbers). */
function decimalText(value: string | undefined): string | null {
  return value !== undefined && /^-?\d+(\.\d+)?$/.test(value) ? value : null;
}

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function recordOf(row: Record<string, any>): PositionRecord {
  return {
    account: row.account, conId: Number(row.con_id), symbol: row.symbol, localSymbol: row.local_symbol, secType: row.sec_type,
    exchange: row.exchange, currency: row.currency, multiplier: text(row.multiplier), lastTradeDate: row.last_trade_date,
    quantity: String(row.quantity), avgCost: String(row.avg_cost), marketPrice: text(row.market_price), marketValue: text(row.market_value),
    unrealizedPnl: text(row.unrealized_pnl), realizedPnl: text(row.realized_pnl), dailyPnl: text(row.daily_pnl), reportedAt: new Date(row.reported_at),
  };
}

function rowOf(p: PositionRecord): Record<string, unknown> {
  return {
    account: p.account, con_id: p.conId, symbol: p.symbol, local_symbol: p.localSymbol, sec_type: p.secType, exchange: p.exchange,
    currency: p.currency, multiplier: p.multiplier, last_trade_date: p.lastTradeDate, quantity: p.quantity, avg_cost: p.avgCost,
    market_price: p.marketPrice, market_value: p.marketValue, unrealized_pnl: p.unrealizedPnl, realized_pnl: p.realizedPnl,
    daily_pnl: p.dailyPnl, reported_at: p.reportedAt,
  };
}
