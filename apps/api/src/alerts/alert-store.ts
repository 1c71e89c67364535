import type { AlertDetail, AlertList, AlertListQuery } from '@tradehook/contracts';
import type { DataSource } from 'typeorm';
import { RequestError } from '../admin/row-writer';
import { ALERT_FROM, ALERT_SELECT } from '../admin/resources/read-only';

/** Reads and deletes alerts for the "post requests" page (the console reads the same columns). */
export class AlertStore {
  constructor(private readonly db: DataSource) {}

  async list(query: AlertListQuery): Promise<AlertList> {
    // Symbols are stored upper-cased (as IB spells them), so "aapl" finds AAPL.
    const params = [query.strategy ?? null, query.symbol?.trim().toUpperCase() || null, query.status ?? null];
    const where = `($1::text IS NULL OR a.strategy = $1) AND ($2::text IS NULL OR a.symbol = $2)
      AND ($3::text IS NULL OR a.status = $3)`;
    const [items, [{ total }]] = await Promise.all([
      this.db.query(`SELECT ${ALERT_SELECT} FROM ${ALERT_FROM} WHERE ${where} ORDER BY a.id DESC LIMIT $4 OFFSET $5`,
        [...params, query.limit ?? 50, query.offset ?? 0]),
      this.db.query(`SELECT count(*)::int AS total FROM alerts a WHERE ${where}`, params),
    ]);
    return { items, total };
  }

  async get(id: number): Promise<AlertDetail | null> {
    const rows = await this.db.query(`SELECT ${ALERT_SELECT} FROM ${ALERT_FROM} WHERE a.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * Deletes an alert that never traded. An alert that led to an order is kept: it holds the alertId (and body hash)
   * that makes a retried webhook a duplicate, so deleting it would let the same alert trade again.
   *
   * Race-free against the dispatcher, whose claim (alert accepted → placed, order row inserted) is one statement:
   * the alert row is locked first, which waits for a claim in flight to commit (or makes a later claim find no
   * alert); the order check that follows is a new statement, so it sees that commit.
   */
  async delete(id: number): Promise<AlertDeletion> {
    return this.db.transaction(async (tx) => {
      const [alert] = await tx.query('SELECT id FROM alerts WHERE id = $1 FOR UPDATE', [id]);
      if (!alert) return { outcome: 'not_found' } as const;
      const [order] = await tx.query('SELECT id, ib_order_id, status FROM orders WHERE alert_id = $1 AND parent_order_id IS NULL', [id]);
      if (order) {
        return { outcome: 'traded', order: { id: Number(order.id), ibOrderId: order.ib_order_id, status: order.status } } as const;
      }
      await tx.query('DELETE FROM alerts WHERE id = $1', [id]);
      return { outcome: 'deleted' } as const;
    });
  }
}

export interface AlertOrderRef {
  id: number;
  ibOrderId: number;
  status: string;
}
export type AlertDeletion = { outcome: 'deleted' } | { outcome: 'not_found' } | { outcome: 'traded'; order: AlertOrderRef };

/** Why an alert that traded cannot be deleted, for the trader who tried. */
const alertKeptMessage = (id: number, order: AlertOrderRef) =>
  `Alert ${id} led to order ${order.id} (IB order #${order.ibOrderId}, ${order.status}) and is kept for the record ` +
  '(it is what makes a retry of the same alert a duplicate instead of a second trade): only alerts that never ' +
  'traded can be deleted.';

export const alertNotFoundMessage = (id: number) => `Alert ${id} does not exist`;

/** Both delete routes answer a deletion that did not happen the same way: 404, or 409 for an alert that traded. */
export function deletionRefusal(id: number, deletion: AlertDeletion): RequestError | null {
  if (deletion.outcome === 'not_found') return new RequestError(404, alertNotFoundMessage(id));
  if (deletion.outcome === 'traded') return new RequestError(409, alertKeptMessage(id, deletion.order));
  return null;
}
