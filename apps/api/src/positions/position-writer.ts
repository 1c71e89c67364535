import { strategyKey } from '@tradehook/contracts';
import type { EntityManager } from 'typeorm';

/** A transaction, or a migration's QueryRunner. */
export type Queryable = Pick<EntityManager, 'query'>;
import type { CommissionReport, ExecutionReport } from '../ib/ib-types';
import { knownFuturesMultiplier } from '../orders/futures-multipliers';
import type { RecordedExecution } from '../trades/execution-store';
import { recordCommission } from '../trades/execution-store';
import { applyFill, FLAT, type Holding } from './average-cost';
import { contractKeyOf, contractKeySql } from './contract-key';

/** The strategy position one of our orders moves. */
export interface Attribution {
  strategy: string;
  strategyKey: string;
  contractKey: string;
  symbol: string;
  localSymbol: string | null;
  secType: string;
  exchange: string;
  currency: string;
  multiplier: number;
}

/** Where a fill landed: the live event and the drift check name the contract by account and conId. */
export interface PositionMoved {
  account: string;
  conId: number | null;
}

/**
 * The strategy an order trades for (its alert's), or null: not our order, or an admin "sync" order, which moves IB
 * to the strategies' sum and so belongs to none of them.
 */
async function attributionOf(tx: EntityManager, orderId: number): Promise<Attribution | null> {
  const [o] = await tx.query(
    `SELECT a.strategy, o.symbol, o.local_symbol, o.sec_type, o.exchange, o.currency, o.multiplier
     FROM orders o JOIN alerts a ON a.id = o.alert_id
     WHERE o.id = $1 AND a.strategy IS NOT NULL AND coalesce(a.signal->>'action', '') <> 'sync'`, [orderId]);
  return o ? attributionOfRow(o) : null;
}

/** From an order row joined with its alert's strategy. */
export function attributionOfRow(o: Record<string, any>): Attribution {
  const naming = { secType: o.sec_type, symbol: o.symbol, localSymbol: o.local_symbol, currency: o.currency };
  const multiplier = o.multiplier !== null ? Number(o.multiplier) : o.sec_type === 'FUT' ? knownFuturesMultiplier(o.symbol) ?? 1 : 1;
  return { strategy: o.strategy, strategyKey: strategyKey(o.strategy), contractKey: contractKeyOf(naming), symbol: o.symbol,
    localSymbol: o.local_symbol, secType: o.sec_type, exchange: o.exchange, currency: o.currency, multiplier };
}

const holdingOf = (row: Record<string, string | null> | undefined): Holding => (row ? {
  quantity: Number(row.quantity), avgPrice: row.avg_price === null ? null : Number(row.avg_price), grossRealized: Number(row.gross_realized),
} : FLAT);

const KEY = 'strategy_key = $1 AND account = $2 AND contract_key = $3';

/**
 * Moves the strategy position of one recorded execution, in the execution's own transaction. A new execution is
 * applied incrementally (O(1) at any history size); a correction replaced an earlier fill, and average cost depends
 * on the order of fills, so that one position is replayed from its executions.
 */
export async function applyExecutionToPositions(tx: EntityManager, e: ExecutionReport, recorded: RecordedExecution): Promise<PositionMoved | null> {
  if (!recorded.changed || recorded.orderId === null) return null;
  await tx.query(`UPDATE orders SET executed = (SELECT coalesce(sum(shares), 0) FROM executions WHERE order_id = $1) WHERE id = $1`,
    [recorded.orderId]);
  const who = await attributionOf(tx, recorded.orderId);
  if (!who) return null;
  const key = [who.strategyKey, e.account, who.contractKey];
  if (recorded.corrected) {
    await replay(tx, who, e.account, e.conId);
  } else {
    const [row] = await tx.query(`SELECT quantity::text, avg_price::text, gross_realized::text FROM strategy_positions WHERE ${KEY} FOR UPDATE`, key);
    const next = applyFill(holdingOf(row), e.side, Number(e.shares), Number(e.price), who.multiplier);
    // A commission report that overtook its execution is counted now.
    const [paid] = await tx.query(`SELECT coalesce(commission, 0)::text AS commission FROM commissions WHERE exec_id = $1`, [e.execId]);
    await upsert(tx, who, e.account, e.conId, next, { commission: paid?.commission ?? '0', fills: 1, lastFillAt: e.executedAt }, 'add');
  }
  return { account: e.account, conId: e.conId };
}

/** A commission report: its amount (or the change, when IB re-sends it) joins its execution's strategy position. */
export async function applyCommissionToPositions(tx: EntityManager, c: CommissionReport): Promise<PositionMoved | null> {
  const [before] = await tx.query(`SELECT coalesce(commission, 0)::text AS commission FROM commissions WHERE exec_id = $1 FOR UPDATE`, [c.execId]);
  await recordCommission(tx, c);
  const delta = Number(c.commission ?? 0) - Number(before?.commission ?? 0);
  const [execution] = await tx.query(`SELECT order_id, account, con_id FROM executions WHERE exec_id = $1`, [c.execId]);
  if (!delta || !execution?.order_id) return null;
  const who = await attributionOf(tx, execution.order_id);
  if (!who) return null;
  await tx.query(`UPDATE strategy_positions SET commission = commission + $4::numeric, updated_at = now() WHERE ${KEY}`,
    [who.strategyKey, execution.account, who.contractKey, String(delta)]);
  return { account: execution.account, conId: execution.con_id === null ? null : Number(execution.con_id) };
}

/** Recomputes one strategy position from every execution of its orders, oldest first. */
async function replay(tx: EntityManager, who: Attribution, account: string, conId: number | null): Promise<void> {
  const rows: Array<Record<string, string>> = await tx.query(
    `SELECT a.strategy, e.side, e.shares::text, e.price::text, e.executed_at, coalesce(c.commission, 0)::text AS commission
     FROM executions e JOIN orders o ON o.id = e.order_id JOIN alerts a ON a.id = o.alert_id
     LEFT JOIN commissions c ON c.exec_id = e.exec_id
     WHERE e.account = $1 AND ($3::bigint IS NULL OR e.con_id = $3) AND ${contractKeySql('o')} = $2
       AND coalesce(a.signal->>'action', '') <> 'sync'
     ORDER BY e.executed_at, e.id`, [account, who.contractKey, conId]);
  const mine = rows.filter((r) => strategyKey(r.strategy) === who.strategyKey);
  const holding = mine.reduce((h, r) => applyFill(h, r.side as 'BUY' | 'SELL', Number(r.shares), Number(r.price), who.multiplier), FLAT);
  const commission = mine.reduce((sum, r) => sum + Number(r.commission), 0);
  const lastFillAt = mine.length ? (mine[mine.length - 1].executed_at as unknown as Date) : null;
  await upsert(tx, who, account, conId, holding, { commission: String(commission), fills: mine.length, lastFillAt }, 'set');
}

/** Writes a position: `add` counts this fill's commission and fill into the row's totals, `set` replaces them. */
export async function upsert(tx: Queryable, who: Attribution, account: string, conId: number | null, h: Holding,
  totals: { commission: string; fills: number; lastFillAt: Date | null }, how: 'add' | 'set'): Promise<void> {
  const accumulate = (column: string) => (how === 'add' ? `strategy_positions.${column} + excluded.${column}` : `excluded.${column}`);
  await tx.query(
    `INSERT INTO strategy_positions (strategy_key, strategy, account, contract_key, con_id, symbol, local_symbol, sec_type,
       exchange, currency, multiplier, quantity, avg_price, gross_realized, commission, fills, last_fill_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ON CONFLICT (strategy_key, account, contract_key) DO UPDATE SET
       con_id = coalesce(excluded.con_id, strategy_positions.con_id), quantity = excluded.quantity,
       avg_price = excluded.avg_price, gross_realized = excluded.gross_realized,
       commission = ${accumulate('commission')}, fills = ${accumulate('fills')},
       last_fill_at = ${how === 'add' ? 'greatest(strategy_positions.last_fill_at, excluded.last_fill_at)' : 'excluded.last_fill_at'},
       updated_at = now()`,
    [who.strategyKey, who.strategy, account, who.contractKey, conId, who.symbol, who.localSymbol, who.secType, who.exchange,
      who.currency, who.multiplier, String(h.quantity), h.avgPrice === null ? null : String(h.avgPrice), String(h.grossRealized),
      totals.commission, totals.fills, totals.lastFillAt],
  );
}
