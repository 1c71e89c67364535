import type { Alert, AlertDetail, AlertListQuery, AlertList, OrderStatus } from '@tradehook/contracts';
import type { DataSource } from 'typeorm';

const COLUMNS = `
  a.id, a.received_at, a.client_ip, a.strategy, a.symbol, a.exchange, a.price::text AS price, a.direction,
  a.quantity::text AS quantity, a.order_type, a.alert_text, a.external_id, a.status, a.reason, a.http_status,
  a.duplicate_of, o.id AS order_id, o.ib_order_id, o.status AS order_status, o.filled::text AS order_filled,
  o.avg_fill_price::text AS order_avg_fill_price`;

type AlertRow = Record<string, unknown> & { received_at: Date };

function toAlert(r: AlertRow): Alert {
  return {
    id: r.id as number,
    receivedAt: r.received_at.toISOString(),
    clientIp: r.client_ip as string | null,
    strategy: r.strategy as string | null,
    symbol: r.symbol as string | null,
    exchange: r.exchange as string | null,
    price: r.price as string | null,
    direction: r.direction as string | null,
    quantity: r.quantity as string | null,
    orderType: r.order_type as string | null,
    alertText: r.alert_text as string | null,
    externalId: r.external_id as string | null,
    status: r.status as Alert['status'],
    reason: r.reason as string | null,
    httpStatus: r.http_status as number,
    duplicateOf: r.duplicate_of as number | null,
    order: r.order_id
      ? {
          id: r.order_id as number,
          ibOrderId: r.ib_order_id as number | null,
          status: r.order_status as OrderStatus,
          filled: r.order_filled as string,
          avgFillPrice: r.order_avg_fill_price as string | null,
        }
      : null,
  };
}

/** Reads and deletes alerts (the "post requests" page and the admin console). */
export class AlertStore {
  constructor(private readonly db: DataSource) {}

  async list(query: AlertListQuery): Promise<AlertList> {
    const params = [query.strategy ?? null, query.symbol ?? null, query.status ?? null];
    const where = `($1::text IS NULL OR a.strategy = $1) AND ($2::text IS NULL OR a.symbol = $2)
      AND ($3::text IS NULL OR a.status = $3)`;
    const [rows, [{ total }]] = await Promise.all([
      this.db.query(
        `SELECT ${COLUMNS} FROM alerts a LEFT JOIN orders o ON o.alert_id = a.id
         WHERE ${where} ORDER BY a.id DESC LIMIT $4 OFFSET $5`,
        [...params, query.limit ?? 50, query.offset ?? 0],
      ),
      this.db.query(`SELECT count(*)::int AS total FROM alerts a WHERE ${where}`, params),
    ]);
    return { items: rows.map(toAlert), total };
  }

  async get(id: number): Promise<AlertDetail | null> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS}, a.raw_body FROM alerts a LEFT JOIN orders o ON o.alert_id = a.id WHERE a.id = $1`,
      [id],
    );
    return rows.length ? { ...toAlert(rows[0]), rawBody: rows[0].raw_body } : null;
  }

  /** True when a row was deleted. Its order (if any) stays, detached: executions must never disappear. */
  async delete(id: number): Promise<boolean> {
    const [, count] = await this.db.query('DELETE FROM alerts WHERE id = $1', [id]);
    return count > 0;
  }
}
