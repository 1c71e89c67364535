import { strategyKey } from '@tradehook/contracts';
import type { DataSource } from 'typeorm';
import type { IbSession } from '../ib/ib-session';
import type { ContractSpec } from '../ib/ib-types';
import type { PendingAlert } from '../orders/pending-alert';
import { contractKeyOf } from './contract-key';
import type { Standing } from './signal-planner';
import { cancelAndSettle, type Settled } from './order-settle';
import { workingOrders, type WorkingOrder } from './working-orders';

/** The dispatcher's view of strategy positions: where a strategy stands, its signal marks, cancels. */
export class PositionBook {
  constructor(private readonly db: DataSource, private readonly session: IbSession) {}

  async standing(alert: PendingAlert, contract: ContractSpec): Promise<Standing> {
    const key = strategyKey(alert.strategy);
    const contractKey = contractKeyOf(contract);
    const [[held], working, [mark]] = await Promise.all([
      this.db.query(`SELECT coalesce(sum(quantity), 0)::text AS q FROM strategy_positions WHERE strategy_key = $1 AND contract_key = $2`,
        [key, contractKey]),
      workingOrders(this.db, contractKey),
      // A mark still in the future orders nothing (arrival order applies): it must not refuse every alert until then.
      this.db.query(`SELECT signal_at, alert_id FROM strategy_signals WHERE strategy_key = $1 AND contract_key = $2 AND signal_at <= now()`,
        [key, contractKey]),
    ]);
    const mine = working.filter((w) => w.strategyKey === key && !w.sync);
    return {
      position: Number(held.q),
      working: mine.map((w) => w.open),
      lastSignal: mark ? { at: new Date(mark.signal_at), alertId: Number(mark.alert_id) } : null,
    };
  }

  /** The alert's {{timenow}} is now the newest applied for its strategy and contract (moved back only from the future). */
  async applied(alert: PendingAlert, contract: ContractSpec): Promise<void> {
    if (!alert.signal?.signalAt) return;
    await this.db.query(
      `INSERT INTO strategy_signals (strategy_key, contract_key, signal_at, alert_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (strategy_key, contract_key) DO UPDATE SET signal_at = excluded.signal_at, alert_id = excluded.alert_id
       WHERE excluded.signal_at > strategy_signals.signal_at OR strategy_signals.signal_at > now()`,
      [strategyKey(alert.strategy), contractKeyOf(contract), alert.signal.signalAt, alert.id]);
  }

  /**
   * The strategy's working orders in the contract, cancelled and final; with strategy null (a flatten's sync) every
   * working order of Tradehook there but the flatten's own exits.
   */
  async supersede(contract: ContractSpec, strategy: string | null): Promise<Settled> {
    const key = strategy === null ? null : strategyKey(strategy);
    const orders = (await workingOrders(this.db, contractKeyOf(contract)))
      .filter((w: WorkingOrder) => (key === null ? !w.flatten : w.strategyKey === key && !w.sync));
    if (orders.length === 0) return { ok: true, cancelled: [] };
    return cancelAndSettle(this.db, this.session, orders);
  }

  /** A placed alert's reason: what it traded beyond what it said (a quantity ignored, orders cancelled first). */
  async note(alertId: number, text: string): Promise<void> {
    await this.db.query(`UPDATE alerts SET reason = $2, updated_at = now() WHERE id = $1 AND reason IS NULL`, [alertId, text]);
  }

  /** CANCEL: asks IB to cancel each working order of the alert's strategy in the contract; says which. */
  async cancelWorking(alert: PendingAlert, contract: ContractSpec): Promise<string> {
    const key = strategyKey(alert.strategy);
    const mine = (await workingOrders(this.db, contractKeyOf(contract)))
      .filter((w) => w.strategyKey === key && !w.sync && w.clientId === this.session.clientId);
    if (mine.length === 0) return `Nothing to cancel: "${alert.strategy}" has no working order in ${contract.localSymbol ?? contract.symbol}`;
    const sent: number[] = [];
    for (const w of mine) if (await this.session.cancelOrder(w.ibOrderId)) sent.push(w.orderId);
    return `Cancel requested for order${sent.length === 1 ? '' : 's'} ${sent.map((id) => `#${id}`).join(', ')}`
      + (sent.length < mine.length ? ` (${mine.length - sent.length} not sent: IB disconnected)` : '');
  }

  /** An admin sync: what brings IB's position to the strategies' sum, beyond sync orders already working. */
  async syncQuantity(account: string, conId: number, contract: ContractSpec): Promise<number> {
    const [[row], working] = await Promise.all([
      this.db.query(
        `SELECT (SELECT coalesce(sum(quantity), 0) FROM strategy_positions WHERE account = $1 AND con_id = $2)::text AS strategies,
                (SELECT coalesce(sum(quantity), 0) FROM ib_positions WHERE account = $1 AND con_id = $2)::text AS ib`, [account, conId]),
      workingOrders(this.db, contractKeyOf(contract)),
    ]);
    const syncing = working.filter((w) => w.sync).reduce((sum, w) => sum + w.open, 0);
    return Math.round((Number(row.strategies) - Number(row.ib) - syncing) * 1e8) / 1e8;
  }
}
