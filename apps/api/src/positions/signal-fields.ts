import { toDecimal, type DecimalLimits } from '../ingest/decimal';
import type { AlertSignal } from './signal';

const SIZE: DecimalLimits = { maxAbs: 1e9, maxDecimals: 8 };
type Position = NonNullable<AlertSignal['marketPosition']>;

/** A {{timenow}} further ahead is a clock or template error: applied, it would refuse every alert fired before it. */
export const TIMENOW_MAX_AHEAD_MS = 5 * 60_000;

/**
 * The webhook's position fields as an AlertSignal (numbers may arrive quoted; sizes are exact decimals), or null
 * when the alert has none. `add` names a problem the schema did not already name (`faulted`).
 */
export function signalOf(raw: Record<string, unknown>, faulted: ReadonlySet<string>,
  add: (field: string, problem: string) => void, now = Date.now()): AlertSignal | null {
  const signal: AlertSignal = {};
  const size = (field: 'marketPositionSize' | 'prevMarketPositionSize' | 'positionSize') => {
    const value = raw[field];
    if (faulted.has(field) || (typeof value !== 'number' && typeof value !== 'string')) return;
    const result = toDecimal(value, SIZE);
    if (!result.ok) return add(field, result.problem);
    if (field !== 'positionSize' && Number(result.value) < 0) return add(field, 'must be 0 or more (the size is absolute)');
    signal[field] = result.value;
  };
  size('marketPositionSize');
  size('prevMarketPositionSize');
  size('positionSize');
  for (const field of ['marketPosition', 'prevMarketPosition'] as const) {
    if (typeof raw[field] === 'string' && !faulted.has(field)) signal[field] = (raw[field] as string).toLowerCase() as Position;
  }
  if (typeof raw.timenow === 'string' && !faulted.has('timenow')) {
    const at = Date.parse(raw.timenow.trim().replace(' ', 'T'));
    if (Number.isNaN(at)) add('timenow', 'must be a time such as 2026-11-26T14:30:05Z ({{timenow}})');
    else if (at > now + TIMENOW_MAX_AHEAD_MS) {
      add('timenow', `is more than ${TIMENOW_MAX_AHEAD_MS / 60_000} minutes ahead of the time it was received (${new Date(now).toISOString()})`);
    } else signal.signalAt = new Date(at).toISOString();
  }
  return Object.keys(signal).length ? signal : null;
}
