import type { AlertExits, ExitLevel, ExitLevelKind } from '@tradehook/contracts';
import { EXIT_LEVEL_KINDS } from '@tradehook/contracts';
import { toDecimal, type DecimalLimits } from './decimal';

const PRICE: DecimalLimits = { maxAbs: 1e12, maxDecimals: 10, positive: true };
const TICKS: DecimalLimits = { maxAbs: 1e6, maxDecimals: 0, positive: true };
const PERCENT: DecimalLimits = { maxAbs: 100, maxDecimals: 6, positive: true };
const LIMITS: Record<ExitLevelKind | 'amount', DecimalLimits> = { price: PRICE, offset: PRICE, amount: PRICE, ticks: TICKS, percent: PERCENT };

type Add = (field: string, problem: string) => void;
/** What the ingest knows of the entry when it checks the exits: its side and the price they are measured from. */
export interface EntryFacts { direction: string; orderType: string | null; price: string | null; limitPrice: string | null; stopPrice: string | null }

/**
 * The exit fields (takeProfit, stopLoss, trailingStop, outsideRth) as AlertExits, or null when the alert has none.
 * Problems name the field: a bad number, a stop and a trailing stop together, an absolute exit on the wrong side of
 * the entry, exits on an alert that is not a BUY or SELL entry.
 */
export function exitsOf(raw: Record<string, unknown>, faulted: ReadonlySet<string>, add: Add, entry: EntryFacts): AlertExits | null {
  const exits: AlertExits = {};
  const takeProfit = levelOf(raw.takeProfit, 'takeProfit', faulted, add);
  if (takeProfit) exits.takeProfit = takeProfit;
  const stopLoss = levelOf(raw.stopLoss, 'stopLoss', faulted, add);
  if (stopLoss) {
    const limitOffset = decimalAt(raw.stopLoss, 'limitOffset', 'stopLoss', add);
    exits.stopLoss = limitOffset ? { ...stopLoss, limitOffset } : stopLoss;
  }
  const trailingStop = faulted.has('trailingStop') ? null : trailingOf(raw.trailingStop, add);
  if (trailingStop) exits.trailingStop = trailingStop;
  if (raw.outsideRth === true) exits.outsideRth = true;
  if (raw.stopLoss !== undefined && raw.trailingStop !== undefined) {
    add('trailingStop', 'cannot be combined with stopLoss: a trailing stop replaces the fixed stop (send one of them)');
  }
  const bracket = raw.takeProfit !== undefined || raw.stopLoss !== undefined || raw.trailingStop !== undefined;
  if (bracket && entry.direction !== 'BUY' && entry.direction !== 'SELL') {
    add(raw.takeProfit !== undefined ? 'takeProfit' : raw.stopLoss !== undefined ? 'stopLoss' : 'trailingStop',
      `exits are attached to a BUY or SELL entry, not to ${entry.direction} (exits on an open position are not supported yet)`);
  }
  sideProblems(exits, entry, add);
  return Object.keys(exits).length ? exits : null;
}

/** A price or { price | offset | ticks | percent }; the schema already allowed exactly one key. */
function levelOf(value: unknown, field: string, faulted: ReadonlySet<string>, add: Add): ExitLevel | null {
  if (value === undefined || faulted.has(field)) return null;
  if (typeof value === 'number' || typeof value === 'string') return checked('price', value, field, add);
  const kind = EXIT_LEVEL_KINDS.find((k) => (value as Record<string, unknown>)[k] !== undefined);
  if (!kind) return null;
  return checked(kind, (value as Record<string, number | string>)[kind], `${field}.${kind}`, add);
}

function trailingOf(value: unknown, add: Add): AlertExits['trailingStop'] | null {
  if (typeof value !== 'object' || value === null) return null;
  const kind = 'amount' in value ? 'amount' : 'percent';
  const level = checked(kind, (value as Record<string, number | string>)[kind], `trailingStop.${kind}`, add);
  return level && { kind, value: level.value };
}

function decimalAt(value: unknown, key: string, field: string, add: Add): string | null {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  if (typeof v !== 'number' && typeof v !== 'string') return null;
  const result = toDecimal(v, PRICE);
  if (!result.ok) add(`${field}.${key}`, result.problem);
  return result.ok ? result.value : null;
}

function checked<K extends ExitLevelKind | 'amount'>(kind: K, value: number | string, field: string, add: Add): { kind: K; value: string } | null {
  const result = toDecimal(value, LIMITS[kind]);
  if (!result.ok) add(field, kind === 'ticks' && !result.problem.includes('0') ? 'must be a whole number of ticks' : result.problem);
  return result.ok ? { kind, value: result.value } : null;
}

/** The price the alert's exits are measured from as the ingest sees it (the dispatcher re-checks at IB's price). */
export function statedEntryPrice(entry: EntryFacts): string | null {
  if (entry.orderType === 'LMT' || entry.orderType === 'STP LMT') return entry.limitPrice ?? entry.price;
  if (entry.orderType === 'STP') return entry.stopPrice;
  return entry.price;
}

/** An absolute take-profit must be beyond the entry in the trade's favour, a stop against it. */
function sideProblems(exits: AlertExits, entry: EntryFacts, add: Add): void {
  const at = statedEntryPrice(entry);
  if (at === null || (entry.direction !== 'BUY' && entry.direction !== 'SELL')) return;
  const long = entry.direction === 'BUY';
  const check = (field: 'takeProfit' | 'stopLoss', level: ExitLevel | undefined, above: boolean) => {
    if (level?.kind !== 'price' || Number(level.value) > Number(at) === above && Number(level.value) !== Number(at)) return;
    add(field, `${level.value} is on the wrong side of the entry price ${at}: a ${entry.direction}'s ${
      field === 'takeProfit' ? 'take-profit' : 'stop-loss'} must be ${above ? 'above' : 'below'} it`);
  };
  check('takeProfit', exits.takeProfit, long);
  check('stopLoss', exits.stopLoss, !long);
}
