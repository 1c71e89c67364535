import type { AlertDetail, AlertList, AlertListQuery } from '@tradehook/contracts';
import type { DataSource } from 'typeorm';
import { ALERT_FROM, ALERT_SELECT } from '../admin/resources/read-only';

/** Reads and deletes alerts for the "post requests" page (the console reads the same columns). */
export class AlertStore {
  constructor(private readonly db: DataSource) {}

  async list(query: AlertListQuery): Promise<AlertList> {
    const params = [query.strategy ?? null, query.symbol ?? null, query.status ?? null];
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

  /** True when a row was deleted. Its order (if any) stays, detached: executions must never disappear. */
  async delete(id: number): Promise<boolean> {
    const [, count] = await this.db.query('DELETE FROM alerts WHERE id = $1', [id]);
    return count > 0;
  }
}
