import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { EventBus } from '../events/bus';
import { positionEventId } from './contract-key';
import { sumBy, workingOrders } from './working-orders';

/** A difference must last this long to be drift: IB's position report and our execution record never arrive together. */
const DEFAULT_GRACE_MS = 3_000;

interface Difference {
  account: string;
  conId: number;
  ib: number;
  strategies: number;
  working: number;
  unrecorded: number;
}

/**
 * Compares, per (account, contract), IB's position (ib_positions, mirrored from reqPositions) with the sum of the
 * strategies' positions. A difference that fills IB reported but whose executions we have not recorded yet explain is
 * not drift; any other that lasts DEFAULT_GRACE_MS is, recorded with the time it was first seen
 * (position_drift keeps that across restarts), published as a 'drift' event and counted for /metrics. Only
 * contracts a strategy has traded are compared: other holdings at IB belong to nobody here.
 */
export class DriftMonitor {
  private firstSeen = new Map<string, number>();
  private drifting = 0;
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<void> | null = null;
  private again = false;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly db: DataSource, private readonly bus: EventBus, private readonly log: Logger,
    private readonly graceMs = DEFAULT_GRACE_MS) {}

  /** Contracts drifting now (the /metrics gauge). */
  count(): number {
    return this.drifting;
  }

  async start(): Promise<void> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM position_drift`);
    this.drifting = n;
    this.timer = setInterval(() => void this.check(), 1_000);
    this.timer.unref();
    this.unsubscribe = this.bus.subscribe((e) => {
      if (e.type === 'position' || e.type === 'order') void this.check();
    });
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    await this.pending;
  }

  /** One comparison at a time; a request during one runs once more after it. */
  check(): Promise<void> {
    if (this.pending) {
      this.again = true;
      return this.pending;
    }
    this.pending = this.compare()
      .catch((error: unknown) => this.log.warn({ err: error }, 'drift check failed'))
      .finally(() => {
        this.pending = null;
        if (this.again) {
          this.again = false;
          void this.check();
        }
      });
    return this.pending;
  }

  private async compare(): Promise<void> {
    const differences = await this.differences();
    if (differences === null) return;
    const now = Date.now();
    const recorded: Array<{ account: string; con_id: string }> = await this.db.query(`SELECT account, con_id::text FROM position_drift`);
    const stillDrifting = new Set<string>();
    for (const d of differences) {
      const key = `${d.account}\0${d.conId}`;
      const first = this.firstSeen.get(key) ?? now;
      this.firstSeen.set(key, first);
      if (now - first < this.graceMs) continue;
      stillDrifting.add(key);
      const [row] = await this.db.query(
        `INSERT INTO position_drift (account, con_id, ib_quantity, strategies_quantity, working, since)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (account, con_id) DO UPDATE SET ib_quantity = excluded.ib_quantity,
           strategies_quantity = excluded.strategies_quantity, working = excluded.working, updated_at = now()
         RETURNING (xmax = 0) AS started`,
        [d.account, d.conId, d.ib, d.strategies, d.working, new Date(first)]);
      if (row.started) this.bus.publish('drift', positionEventId(d.account, d.conId), 'started');
    }
    const current = new Set(differences.map((d) => `${d.account}\0${d.conId}`));
    for (const key of [...this.firstSeen.keys()]) if (!current.has(key)) this.firstSeen.delete(key);
    for (const r of recorded) {
      if (current.has(`${r.account}\0${r.con_id}`)) continue;
      await this.db.query(`DELETE FROM position_drift WHERE account = $1 AND con_id = $2`, [r.account, r.con_id]);
      this.bus.publish('drift', positionEventId(r.account, r.con_id), 'resolved');
    }
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM position_drift`);
    this.drifting = n;
  }

  /** null while IB's positions are not mirrored (no ib_positions table yet). */
  private async differences(): Promise<Difference[] | null> {
    let rows: Array<Record<string, unknown>>;
    try {
      rows = await this.db.query(
        `WITH s AS (SELECT account, con_id, sum(quantity) AS q, min(contract_key) AS contract_key
                    FROM strategy_positions WHERE con_id IS NOT NULL GROUP BY account, con_id)
         SELECT s.account, s.con_id::text, s.contract_key, coalesce(i.quantity, 0)::text AS ib, s.q::text AS strategies
         FROM s LEFT JOIN ib_positions i ON i.account = s.account AND i.con_id = s.con_id
         WHERE coalesce(i.quantity, 0) <> s.q`);
    } catch (error) {
      if ((error as { code?: string }).code === '42P01') return null; // undefined_table: the IB mirror is not there
      throw error;
    }
    if (rows.length === 0) return [];
    const orders = await workingOrders(this.db);
    const working = sumBy(orders, (w) => w.contractKey, (w) => w.open);
    const unrecorded = sumBy(orders, (w) => w.contractKey, (w) => w.unrecorded);
    return rows.map((r) => ({
      account: r.account as string, conId: Number(r.con_id), ib: Number(r.ib), strategies: Number(r.strategies),
      working: working.get(r.contract_key as string) ?? 0, unrecorded: unrecorded.get(r.contract_key as string) ?? 0,
    })).filter((d) => !explainedByWorking(d.ib - d.strategies, d.unrecorded));
  }
}

/**
 * IB may report a fill (orderStatus's filled, IB's position) before its execution reaches us: IB is then ahead by at
 * most the filled-but-unrecorded shares. A resting order's unfilled quantity explains nothing, however long it rests.
 */
export function explainedByWorking(difference: number, working: number): boolean {
  return difference === 0 || (Math.sign(difference) === Math.sign(working) && Math.abs(difference) <= Math.abs(working));
}
