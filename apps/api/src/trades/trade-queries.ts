import type { ConsolidatedTrade, RecentTrade } from '@tradehook/contracts';
import type { DataSource } from 'typeorm';

type Row = Record<string, unknown>;
const iso = (v: unknown) => (v as Date).toISOString();
/** IB names a currency pair by its base currency alone (EUR): shown as the pair the alert named (EURUSD). */
const SYMBOL = `CASE WHEN e.sec_type = 'CASH' THEN e.symbol || e.currency ELSE e.symbol END AS symbol`;

/**
 * The trades page's two tables; both are index scans whatever the size of the executions table (the strategy by
 * primary keys through the order to its alert).
 */
export class TradeQueries {
  constructor(private readonly db: DataSource) {}

  async recent(limit = 20): Promise<RecentTrade[]> {
    const rows: Row[] = await this.db.query(
      `SELECT e.exec_id, e.ib_order_id, e.perm_id, ${SYMBOL}, e.sec_type, e.exchange, e.side, e.price::text AS price,
              e.avg_price::text AS avg_price, e.shares::text AS shares, e.cum_qty::text AS cum_qty, e.executed_at,
              e.account, c.commission::text AS commission, c.currency AS commission_currency,
              c.realized_pnl::text AS realized_pnl, a.strategy
       FROM executions e
       LEFT JOIN commissions c ON c.exec_id = e.exec_id
       LEFT JOIN orders o ON o.id = e.order_id
       LEFT JOIN alerts a ON a.id = o.alert_id
       ORDER BY e.executed_at DESC, e.id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      execId: r.exec_id as string,
      orderId: r.ib_order_id as number,
      permId: r.perm_id as number,
      symbol: r.symbol as string,
      secType: r.sec_type as string,
      exchange: r.exchange as string,
      direction: r.side as RecentTrade['direction'],
      price: r.price as string,
      avgPrice: r.avg_price as string,
      quantity: r.shares as string,
      cumQty: r.cum_qty as string,
      time: iso(r.executed_at),
      account: r.account as string,
      strategy: (r.strategy as string | null) ?? null,
      commission: r.commission as string | null,
      commissionCurrency: r.commission_currency as string | null,
      realizedPnl: r.realized_pnl as string | null,
    }));
  }

  /** One row per order (permId): the execution with the highest cumulative quantity. */
  async consolidated(limit = 20): Promise<ConsolidatedTrade[]> {
    const rows: Row[] = await this.db.query(
      `SELECT t.perm_id, e.ib_order_id, ${SYMBOL}, e.side, e.avg_price::text AS avg_price, t.cum_qty::text AS cum_qty,
              e.executed_at, t.executions, a.id AS alert_id, a.price::text AS alert_price,
              (CASE WHEN e.side = 'BUY' THEN e.avg_price - a.price ELSE a.price - e.avg_price END)::text AS slippage,
              (extract(epoch FROM (fills.last_received_at - a.received_at)) * 1000)::float8 AS latency_ms,
              a.strategy, fills.commission::text AS commission, fills.commission_currency,
              fills.realized_pnl::text AS realized_pnl
       FROM consolidated_trades t
       JOIN executions e ON e.id = t.execution_id
       LEFT JOIN orders o ON o.id = e.order_id
       LEFT JOIN alerts a ON a.id = o.alert_id
       -- The order's executions (executions_perm) and their commission reports (by execId): a handful of rows each.
       CROSS JOIN LATERAL (
         SELECT max(x.received_at) AS last_received_at, sum(c.commission) AS commission,
                min(c.currency) AS commission_currency, sum(c.realized_pnl) AS realized_pnl
         FROM executions x LEFT JOIN commissions c ON c.exec_id = x.exec_id
         WHERE x.perm_id = t.perm_id) fills
       ORDER BY t.last_exec_at DESC, t.perm_id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      permId: r.perm_id as number,
      orderId: r.ib_order_id as number,
      symbol: r.symbol as string,
      direction: r.side as ConsolidatedTrade['direction'],
      avgPrice: r.avg_price as string,
      cumQty: r.cum_qty as string,
      time: iso(r.executed_at),
      executions: r.executions as number,
      alertId: (r.alert_id as number | null) ?? null,
      alertPrice: (r.alert_price as string | null) ?? null,
      slippage: (r.slippage as string | null) ?? null,
      latencyMs: r.latency_ms === null || r.latency_ms === undefined ? null : Math.round((r.latency_ms as number) * 10) / 10,
      strategy: (r.strategy as string | null) ?? null,
      commission: (r.commission as string | null) ?? null,
      commissionCurrency: (r.commission_currency as string | null) ?? null,
      realizedPnl: (r.realized_pnl as string | null) ?? null,
    }));
  }
}
