import { strategyKey } from '@tradehook/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { contractKeySql } from './contract-key';

/** One order that may still trade: its signed open quantity (quantity − shares already recorded as executions). */
export interface WorkingOrder {
  orderId: number;
  ibOrderId: number;
  clientId: number;
  strategy: string | null;
  strategyKey: string | null;
  contractKey: string;
  /** Signed: a buy > 0, a sell < 0. */
  open: number;
  /** An admin sync order: it moves IB, not any strategy. */
  sync: boolean;
  /** A flatten's exit order. */
  flatten: boolean;
  /** Signed: what IB reported filled (orderStatus) but no execution records yet. */
  unrecorded: number;
  symbol: string;
  localSymbol: string | null;
  secType: string;
  exchange: string;
  currency: string;
  multiplier: string | null;
}

/**
 * Every order not cancelled or rejected whose executions do not yet cover its quantity (orders.may_trade, partial
 * index orders_may_trade: a handful of rows whatever the history). Counting executions rather than orderStatus's
 * "filled" means a fill is never both in a position and still working.
 */
export async function workingOrders(db: DataSource | EntityManager, contractKey?: string): Promise<WorkingOrder[]> {
  const rows: Array<Record<string, unknown>> = await db.query(
    `SELECT o.id, o.ib_order_id, o.client_id, a.strategy, ${contractKeySql('o')} AS contract_key, o.side,
            (o.quantity - o.executed)::text AS open, coalesce(a.signal->>'action', '') = 'sync' AS sync,
            coalesce(a.signal->>'action', '') = 'flatten' AS flatten, greatest(o.filled - o.executed, 0)::text AS unrecorded,
            o.symbol, o.local_symbol, o.sec_type, o.exchange, o.currency, o.multiplier
     FROM orders o LEFT JOIN alerts a ON a.id = o.alert_id
     WHERE o.may_trade AND ($1::text IS NULL OR ${contractKeySql('o')} = $1)
     ORDER BY o.id`, [contractKey ?? null]);
  return rows.map((r) => ({
    orderId: Number(r.id), ibOrderId: r.ib_order_id as number, clientId: r.client_id as number,
    strategy: r.strategy as string | null, strategyKey: r.strategy ? strategyKey(r.strategy as string) : null,
    contractKey: r.contract_key as string, open: (r.side === 'SELL' ? -1 : 1) * Number(r.open), sync: r.sync as boolean,
    flatten: r.flatten as boolean, unrecorded: (r.side === 'SELL' ? -1 : 1) * Number(r.unrecorded),
    symbol: r.symbol as string, localSymbol: r.local_symbol as string | null, secType: r.sec_type as string,
    exchange: r.exchange as string, currency: r.currency as string, multiplier: r.multiplier as string | null,
  }));
}

/** Sum of the open quantities, per key. */
export function sumBy<T>(items: T[], key: (item: T) => string | null, value: (item: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) sums.set(k, (sums.get(k) ?? 0) + value(item));
  }
  return sums;
}
