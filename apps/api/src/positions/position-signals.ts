import type { PositionMode } from '@tradehook/contracts';
import type { ContractSpec } from '../ib/ib-types';
import type { PendingAlert } from '../orders/pending-alert';
import type { PositionBook } from './position-book';
import { ids } from './order-settle';

const idList = (orderIds: number[]) => ids(orderIds.map((orderId) => ({ orderId })));
import { needsStanding, planSignal } from './signal-planner';

/** What the dispatcher does with an alert: place this (possibly rewritten) alert, or record its fate without an order. */
export type SignalStep =
  | { kind: 'trade'; alert: PendingAlert }
  | { kind: 'conclude'; status: 'done' | 'refused'; reason: string };

/**
 * Turns position-aware alerts (EXIT, REVERSE, CANCEL, target mode, admin syncs) into BUY/SELL against the strategy's
 * standing. The dispatcher applies alerts one at a time in arrival order, and an order counts as working from the
 * moment its row is written (before placeOrder), so each signal sees the position its predecessor left.
 */
export class PositionSignals {
  /** What the alert's fate should say beside "placed" (set by step, written by placed: alerts run one at a time). */
  private note: { alertId: number; text: string } | null = null;

  constructor(private readonly book: PositionBook, private readonly modeOf: (strategy: string) => PositionMode) {}

  async step(alert: PendingAlert, contract: ContractSpec): Promise<SignalStep> {
    this.note = null;
    const signal = alert.signal;
    if (signal?.action === 'cancel') {
      // A flatten's first step: no order of Tradehook's may stay working in a contract taken flat.
      const settled = await this.book.supersede(contract, null);
      if (!settled.ok) return { kind: 'conclude', status: 'refused', reason: `Refused: ${settled.reason}` };
      return { kind: 'conclude', status: 'done', reason: settled.cancelled.length ? `Cancelled ${idList(settled.cancelled)}` : 'Nothing to cancel' };
    }
    if (signal?.action === 'sync' && signal.account && signal.conId) {
      const quantity = await this.book.syncQuantity(signal.account, signal.conId, contract);
      if (quantity === 0) return { kind: 'conclude', status: 'done', reason: 'Nothing to trade: IB already holds the strategies\' sum' };
      return { kind: 'trade', alert: { ...alert, direction: quantity > 0 ? 'BUY' : 'SELL', quantity: String(Math.abs(quantity)) } };
    }
    const mode = this.modeOf(alert.strategy);
    if (!needsStanding(alert, mode)) return { kind: 'trade', alert };
    let plan = planSignal(alert, await this.book.standing(alert, contract));
    let cancelled: number[] = [];
    if (plan.kind === 'supersede') {
      // Cancel, wait until final, then plan on the filled position (the ledger, with any fill that raced the cancel).
      const settled = await this.book.supersede(contract, alert.strategy);
      if (!settled.ok) return { kind: 'conclude', status: 'refused', reason: `Refused: ${settled.reason}; nothing traded` };
      cancelled = settled.cancelled;
      const after = await this.book.standing(alert, contract);
      plan = after.working.length ? { kind: 'refuse', reason: 'Refused: a working order appeared while superseding; nothing traded' } : planSignal(alert, after);
    }
    const note = cancelled.length ? ` (cancelled ${idList(cancelled)} first)` : '';
    switch (plan.kind) {
      case 'trade': {
        const ignored = alert.direction === 'REVERSE' && alert.quantity !== null
          ? `quantity ${alert.quantity} ignored: REVERSE flips the whole filled position` : '';
        const text = [ignored, note.trim().replace(/^\((.*)\)$/, '$1')].filter(Boolean).join('; ');
        if (text) this.note = { alertId: alert.id, text: `${plan.side} ${plan.quantity}: ${text}` };
        return { kind: 'trade', alert: { ...alert, direction: plan.side, quantity: plan.quantity } };
      }
      case 'supersede':
        return { kind: 'conclude', status: 'refused', reason: 'Refused: working orders remain after cancelling' };
      case 'refuse':
        return { kind: 'conclude', status: 'refused', reason: plan.reason };
      case 'done':
        await this.book.applied(alert, contract);
        return { kind: 'conclude', status: 'done', reason: plan.reason + note };
      case 'cancel': {
        const reason = await this.book.cancelWorking(alert, contract);
        await this.book.applied(alert, contract);
        return { kind: 'conclude', status: 'done', reason };
      }
    }
  }

  /** The alert's order row is written: its signal time is the newest applied. */
  async placed(alert: PendingAlert, contract: ContractSpec): Promise<void> {
    await this.book.applied(alert, contract);
    if (this.note?.alertId === alert.id) await this.book.note(alert.id, this.note.text);
    this.note = null;
  }
}
