import type { PositionMode } from '@tradehook/contracts';
import type { PendingAlert } from '../orders/pending-alert';
import { targetOf } from './signal';

/** Where a strategy stands in one contract when its next signal is applied. */
export interface Standing {
  /** Filled, signed: executions recorded in the ledger. */
  position: number;
  /** Signed open quantity of each of its working orders in the contract. */
  working: number[];
  /** The newest {{timenow}} already applied, with its alert. */
  lastSignal: { at: Date; alertId: number } | null;
}

export type Plan =
  | { kind: 'trade'; side: 'BUY' | 'SELL'; quantity: string }
  | { kind: 'done'; reason: string }
  | { kind: 'refuse'; reason: string }
  | { kind: 'cancel' }
  /** The strategy's working orders in the contract do not lead where this alert goes: cancel them, then plan again. */
  | { kind: 'supersede' };

const clean = (n: number) => Math.round(n * 1e8) / 1e8;
const sum = (xs: number[]) => clean(xs.reduce((a, b) => a + b, 0));

/** True when the alert needs the strategy's standing to become an order (else it trades as it says). */
export function needsStanding(alert: PendingAlert, mode: PositionMode): boolean {
  return mode === 'target' || !['BUY', 'SELL'].includes(alert.direction);
}

/**
 * Pure: what a position-aware alert (one needsStanding picked) does, given where its strategy stands; a BUY/SELL
 * reaching here is a target-mode alert. Targets are reached from the FILLED position: a resting order is not a fill,
 * so counting it as one trades past the target once it is cancelled, or twice once it fills. Working orders that
 * exactly make up a target-mode alert's difference are left (the same alert 5× places one order); any others are
 * superseded: cancelled, and once final the alert is planned again. EXIT closes (with a quantity, partly, never past
 * flat) and cancels the strategy's working orders (an exit must not leave an entry that reopens it); REVERSE flips the
 * filled position in one order. An alert that fired before one already applied ({{timenow}}) is not traded.
 */
export function planSignal(alert: PendingAlert, s: Standing): Plan {
  if (alert.direction === 'CANCEL') return { kind: 'cancel' };
  const signalAt = alert.signal?.signalAt ? new Date(alert.signal.signalAt) : null;
  if (signalAt && s.lastSignal && signalAt < s.lastSignal.at) {
    return { kind: 'refuse', reason: `Refused: out of order — fired at ${signalAt.toISOString()}, before alert #${s.lastSignal.alertId}`
      + ` (${s.lastSignal.at.toISOString()}) already applied; trading it would undo a newer target` };
  }
  const position = clean(s.position);
  const working = sum(s.working);
  const standing = `position ${position}${s.working.length ? `, working ${working}` : ''}`;
  let target: number;
  if (alert.direction === 'EXIT') target = exitTarget(position, alert.quantity);
  else if (alert.direction === 'REVERSE') {
    if (position === 0 && working === 0) return { kind: 'done', reason: `Nothing to reverse: "${alert.strategy}" is flat (${standing})` };
    target = -position;
  } else {
    const stated = targetOf(alert.signal ?? null);
    if (stated === null) {
      return { kind: 'refuse', reason: `Refused: "${alert.strategy}" trades in target mode and this alert states no target — `
        + 'send positionSize ({{strategy.position_size}}) or marketPosition and marketPositionSize' };
    }
    target = stated;
  }
  const delta = clean(target - position);
  if (s.working.length) {
    const leading = alert.direction !== 'EXIT' && alert.direction !== 'REVERSE'
      && working === delta && s.working.every((w) => Math.sign(w) === Math.sign(delta));
    if (leading) return { kind: 'done', reason: `Nothing to trade: "${alert.strategy}" already at ${clean(target)} (${standing})` };
    return { kind: 'supersede' };
  }
  if (delta === 0) return { kind: 'done', reason: `Nothing to trade: "${alert.strategy}" already at ${clean(target)} (${standing})` };
  return { kind: 'trade', side: delta > 0 ? 'BUY' : 'SELL', quantity: String(Math.abs(delta)) };
}

/** EXIT closes the whole position, or with a quantity that much of it, never past flat. */
function exitTarget(position: number, quantity: string | null): number {
  const q = quantity === null || quantity === '' ? NaN : Math.abs(Number(quantity));
  if (!Number.isFinite(q) || q === 0 || q >= Math.abs(position)) return 0;
  return clean(position - Math.sign(position) * q);
}
