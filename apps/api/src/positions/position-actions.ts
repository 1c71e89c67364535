import { randomUUID } from 'node:crypto';
import { strategyKey, type ContractActionRequest, type CurrentUser, type FlattenStrategyRequest, type PositionActionReply } from '@tradehook/contracts';
import type { DataSource } from 'typeorm';
import type { AuditLog } from '../admin/audit-log';
import { RequestError } from '../admin/row-writer';
import type { ContractSpec } from '../ib/ib-types';
import type { AlertWriter } from '../ingest/alert-writer';
import { isoMicros, preciseNow } from '../ingest/time';
import { contractKeyOf } from './contract-key';
import type { AlertSignal } from './signal';
import { workingOrders } from './working-orders';

/** The strategy name an IB-level action (sync, a contract's remainder) is recorded under: it belongs to no strategy. */
export const ADMIN_STRATEGY = 'Tradehook admin';

type Alerts = PositionActionReply['alerts'];
interface Confirmation { expected?: string; confirm?: boolean }

/** Contract columns as both strategy_positions and ib_positions keep them. */
const specOf = (r: Record<string, any>): ContractSpec => ({
  symbol: r.symbol, secType: r.sec_type, exchange: r.exchange || (r.sec_type === 'STK' ? 'SMART' : ''), primaryExchange: null,
  currency: r.currency, localSymbol: r.local_symbol ?? null, lastTradeDate: null,
  multiplier: r.sec_type === 'FUT' && r.multiplier !== null ? String(Number(r.multiplier)) : null,
});

/**
 * Flatten and sync, each as internal alerts through the AlertWriter (like a resend): they pass the risk rules and the
 * dispatcher, in turn with the other signals for the contract, and each ends with its own fate. The quantity is
 * decided at dispatch, against the position then, never from the admin's screen.
 */
export class PositionActions {
  constructor(private readonly db: DataSource, private readonly writer: AlertWriter, private readonly audit: AuditLog) {}

  async flattenStrategy(req: FlattenStrategyRequest, user: CurrentUser): Promise<PositionActionReply> {
    const [row] = await this.db.query(
      `SELECT *, quantity::text AS q FROM strategy_positions WHERE strategy_key = $1 AND account = $2 AND con_id = $3`,
      [strategyKey(req.strategy), req.account, req.conId]);
    if (!row) throw new RequestError(404, `"${req.strategy}" has no position in contract ${req.conId} of ${req.account}`);
    confirmed(req, row.q, `"${row.strategy}" holds`);
    const alerts = [await this.exit(row, user)];
    await this.audit.record(user, 'flatten-strategy', 'positions', `${req.account}:${req.conId}`, { strategy: row.strategy, alerts });
    return { alerts };
  }

  async flattenContract(req: ContractActionRequest, user: CurrentUser): Promise<PositionActionReply> {
    const alerts = await this.flattenOne(req, user);
    await this.audit.record(user, 'flatten-contract', 'positions', `${req.account}:${req.conId}`, { alerts });
    return { alerts };
  }

  /** Every contract a strategy or IB holds, flattened as flattenContract does. */
  async flattenAll(user: CurrentUser): Promise<PositionActionReply> {
    const held: Array<Record<string, any>> = [
      ...await this.db.query(`SELECT DISTINCT account, con_id::text FROM strategy_positions WHERE quantity <> 0 AND con_id IS NOT NULL`),
      ...(await this.ib(`SELECT account, con_id::text FROM ib_positions WHERE quantity <> 0`)) ?? [],
    ];
    const seen = new Set<string>();
    const alerts: Alerts = [];
    for (const { account, con_id } of held) {
      if (seen.has(`${account}:${con_id}`)) continue;
      seen.add(`${account}:${con_id}`);
      alerts.push(...(await this.flattenOne({ account, conId: Number(con_id), confirm: true }, user)));
    }
    await this.audit.record(user, 'flatten-all', 'positions', null, { alerts });
    return { alerts };
  }

  /** Sync to target: IB's position brought to the strategies' sum. */
  async sync(req: ContractActionRequest, user: CurrentUser): Promise<PositionActionReply> {
    const { strategies, ib } = await this.figures(req.account, req.conId);
    if (!ib) throw new RequestError(409, 'IB\'s positions are not mirrored yet: nothing to sync against');
    confirmed(req, String(Number(ib.q) - Number(strategies.q)), 'The difference (IB − strategies) is');
    const alerts = [await this.write(ADMIN_STRATEGY, 'SYNC', specOf(strategies.row ?? ib), { action: 'sync', account: req.account, conId: req.conId }, user)];
    await this.audit.record(user, 'sync-to-target', 'positions', `${req.account}:${req.conId}`, { alerts });
    return { alerts };
  }

  /**
   * Every working order of Tradehook's in the contract is cancelled (an alert, first, so that the sync right after the
   * exits is not delayed), each strategy holding it exits, and a sync brings IB to their (flat) sum, whatever else IB held.
   */
  private async flattenOne(req: ContractActionRequest, user: CurrentUser): Promise<Alerts> {
    const { strategies, ib } = await this.figures(req.account, req.conId);
    if (!strategies.row && !ib) throw new RequestError(404, `Nothing is held in contract ${req.conId} of ${req.account}`);
    confirmed(req, ib ? ib.q : strategies.q, 'IB holds');
    const rows = await this.db.query(
      `SELECT * FROM strategy_positions WHERE account = $1 AND con_id = $2 AND quantity <> 0 ORDER BY strategy`, [req.account, req.conId]);
    const alerts: Alerts = [];
    const contract = specOf(strategies.row ?? ib!);
    const key = strategies.row?.contract_key ?? contractKeyOf(contract);
    if ((await workingOrders(this.db, key)).length) {
      alerts.push(await this.write(ADMIN_STRATEGY, 'CANCEL', contract, { action: 'cancel', account: req.account, conId: req.conId }, user));
    }
    for (const row of rows) alerts.push(await this.exit(row, user));
    if (ib) {
      const signal: AlertSignal = { action: 'sync', account: req.account, conId: req.conId };
      alerts.push(await this.write(ADMIN_STRATEGY, 'SYNC', specOf(strategies.row ?? ib), signal, user));
    }
    return alerts;
  }

  private exit(row: Record<string, any>, user: CurrentUser) {
    return this.write(row.strategy, 'EXIT', specOf(row), { action: 'flatten' }, user);
  }

  private async figures(account: string, conId: number) {
    const [s] = await this.db.query(
      `SELECT coalesce(sum(quantity), 0)::text AS q, (array_agg(to_jsonb(p)))[1] AS row
       FROM strategy_positions p WHERE account = $1 AND con_id = $2`, [account, conId]);
    const [ib] = (await this.ib(`SELECT *, quantity::text AS q FROM ib_positions WHERE account = $1 AND con_id = $2`, [account, conId])) ?? [];
    return { strategies: s as { q: string; row: Record<string, any> | null }, ib: ib as Record<string, any> | undefined };
  }

  /** ib_positions is the IB mirror's table: absent until that migration runs. */
  private async ib(sql: string, params: unknown[] = []): Promise<Array<Record<string, any>> | null> {
    try {
      return await this.db.query(sql, params);
    } catch (error) {
      if ((error as { code?: string }).code === '42P01') return null;
      throw error;
    }
  }

  private async write(strategy: string, direction: string, contract: ContractSpec, signal: AlertSignal, user: CurrentUser) {
    const outcome = await this.writer.write({
      received_at: isoMicros(preciseNow()), client_ip: null, strategy, symbol: contract.localSymbol ?? contract.symbol, exchange: null,
      price: null, direction, quantity: null, order_type: null, limit_price: null, stop_price: null, tif: null,
      sec_type: contract.secType, currency: contract.currency, alert_text: `${signal.action} by ${user.username}`, external_id: null,
      raw_body: null, body_hash: null, idempotency_key: JSON.stringify(['position-action', randomUUID()]),
      signal: { ...signal, contract }, status: 'accepted', reason: null, http_status: 200,
    });
    return { id: outcome.id, strategy, direction };
  }
}

/** A stale screen cannot act: the figure it showed must still be the figure, or the request says confirm. */
function confirmed(req: Confirmation, actual: string, what: string): void {
  if (req.expected !== undefined) {
    if (Number(req.expected) !== Number(actual)) throw new RequestError(409, `${what} ${Number(actual)} now, not ${req.expected}: refresh and confirm again`);
  } else if (req.confirm !== true) {
    throw new RequestError(400, 'Say what you expect (expected: the quantity shown) or confirm: true');
  }
}
