import { applyFill, FLAT, type Holding } from './average-cost';
import { attributionOfRow, upsert, type Attribution, type Queryable } from './position-writer';

const BATCH = 20_000;

/**
 * Builds every strategy position from the executions already recorded, oldest first, in batches (keyset on
 * executed_at, id): run once when strategy_positions is created, so an upgraded install starts from its history.
 */
export async function rebuildStrategyPositions(q: Queryable): Promise<number> {
  const positions = new Map<string, { who: Attribution; account: string; conId: number | null; holding: Holding;
    commission: number; fills: number; lastFillAt: Date }>();
  let after: [string, number] = ['-infinity', 0]; // as text: keeps the microseconds a Date would drop
  for (;;) {
    const rows: Array<Record<string, any>> = await q.query(
      `SELECT e.id, e.executed_at, e.executed_at::text AS at_text, e.side, e.shares::text, e.price::text, e.account, e.con_id, coalesce(c.commission, 0)::text AS commission,
              a.strategy, o.symbol, o.local_symbol, o.sec_type, o.exchange, o.currency, o.multiplier
       FROM executions e JOIN orders o ON o.id = e.order_id JOIN alerts a ON a.id = o.alert_id
       LEFT JOIN commissions c ON c.exec_id = e.exec_id
       WHERE a.strategy IS NOT NULL AND coalesce(a.signal->>'action', '') <> 'sync' AND (e.executed_at, e.id) > ($1::timestamptz, $2)
       ORDER BY e.executed_at, e.id LIMIT ${BATCH}`, after);
    for (const r of rows) {
      const who = attributionOfRow(r);
      const key = `${who.strategyKey}\0${r.account}\0${who.contractKey}`;
      const p = positions.get(key) ?? { who, account: r.account, conId: null, holding: FLAT, commission: 0, fills: 0, lastFillAt: r.executed_at };
      p.holding = applyFill(p.holding, r.side, Number(r.shares), Number(r.price), who.multiplier);
      p.commission += Number(r.commission);
      p.fills++;
      p.conId = r.con_id === null ? p.conId : Number(r.con_id);
      p.lastFillAt = r.executed_at;
      positions.set(key, p);
    }
    if (rows.length < BATCH) break;
    after = [rows[rows.length - 1].at_text, Number(rows[rows.length - 1].id)];
  }
  for (const p of positions.values()) {
    await upsert(q, p.who, p.account, p.conId, p.holding, { commission: String(p.commission), fills: p.fills, lastFillAt: p.lastFillAt }, 'set');
  }
  return positions.size;
}
