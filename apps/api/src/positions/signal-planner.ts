import type { PositionMode } from '@tradehook/contracts';
import type { PendingAlert } from '../orders/pending-alert';
import { targetOf } from './signal';

/** Where a strategy stands in one contract when its next signal is applied. */
export interface Standing {
  /** Filled, signed. */
  position: number;
  /** Signed open quantity of its working orders. */
  working: number;
  /** The newest {{timenow}} already applied, with its alert. */
  lastSignal: { at: Date; alertId: number } | null;
}

export type Plan =
  | { kind: 'trade'; side: 'BUY' | 'SELL'; quantity: string }
  | { kind: 'done'; reason: string }
  | { kind: 'refuse'; reason: string }
  | { kind: 'cancel' };

const clean = (n: number) => Math.round(n * 1e8) / 1e8;

/** True when the alert needs the strategy's standing to become an order (else it trades as it says). */
export function needsStanding(alert: PendingAlert, mode: PositionMode): boolean {
  return mode === 'target' || !['BUY', 'SELL'].includes(alert.direction);
}

/**
 * Pure: what a position-aware alert (one needsStanding picked) does, given where its strategy stands; a BUY/SELL
 * reaching here is a target-mode alert. Working orders count as if filled, so
 * a repeat of an alert whose order is still working trades nothing; EXIT and target mode trade the difference to
 * the target; REVERSE flips the whole effective position in one order. An alert that fired before one already
 * applied ({{timenow}}) is not traded: applying it would move the position back to an older target.
 */
export function planSignal(alert: PendingAlert, s: Standing): Plan {
  if (alert.direction === 'CANCEL') return { kind: 'cancel' };
  const signalAt = alert.signal?.signalAt ? new Date(alert.signal.signalAt) : null;
  if (signalAt && s.lastSignal && signalAt < s.lastSignal.at) {
    return { kind: 'refuse', reason: `Refused: out of order — fired at ${signalAt.toISOString()}, before alert #${s.lastSignal.alertId}`
      + ` (${s.lastSignal.at.toISOString()}) already applied; trading it would undo a newer target` };
  }
  const effective = clean(s.position + s.working);
  const standing = `position ${clean(s.position)}${s.working ? `, working ${clean(s.working)}` : ''}`;
  let target: number;
  if (alert.direction === 'EXIT') target = 0;
  else if (alert.direction === 'REVERSE') {
    if (effective === 0) return { kind: 'done', reason: `Nothing to reverse: "${alert.strategy}" is flat (${standing})` };
    target = -effective;
  } else {
    const stated = targetOf(alert.signal ?? null);
    if (stated === null) {
      return { kind: 'refuse', reason: `Refused: "${alert.strategy}" trades in target mode and this alert states no target — `
        + 'send positionSize ({{strategy.position_size}}) or marketPosition and marketPositionSize' };
    }
    target = stated;
  }
  const delta = clean(target - effective);
  if (delta === 0) return { kind: 'done', reason: `Nothing to trade: "${alert.strategy}" already at ${clean(target)} (${standing})` };
  return { kind: 'trade', side: delta > 0 ? 'BUY' : 'SELL', quantity: String(Math.abs(delta)) };
}
