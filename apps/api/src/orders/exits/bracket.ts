import type { AlertExits, ExitLevel } from '@tradehook/contracts';
import type { OrderSpec } from '../../ib/ib-types';

export type ExitRole = 'take-profit' | 'stop-loss' | 'trailing-stop';

export interface ExitOrder {
  role: ExitRole;
  order: OrderSpec;
}

/** The price the exits are measured from, and what it is (the trader reads it when an exit is refused). */
export interface EntryPrice {
  price: number;
  source: string;
}

export type BracketPlan = { ok: true; entry: OrderSpec; exits: ExitOrder[] } | { ok: false; reason: string };

const SUFFIX: Record<ExitRole, string> = { 'take-profit': 'TP', 'stop-loss': 'SL', 'trailing-stop': 'TS' };

/** Decimals a tick needs (0.25 → 2, 0.00005 → 5, 1/64 → 6), so rounded prices print exactly. */
function tickDecimals(tick: number): number {
  for (let d = 0; d <= 10; d++) if (Math.abs(Math.round(tick * 10 ** d) - tick * 10 ** d) < 1e-9) return d;
  return 10;
}

/** The nearest multiple of the tick, as exact text. */
export function roundToTick(price: number, tick: number): string {
  const rounded = Math.round(price / tick) * tick;
  return String(Number(rounded.toFixed(tickDecimals(tick))));
}

/** A level as a price: towards the profit (+1) or the loss (−1) side of a long; `sign` flips it for a short. */
function levelPrice(level: ExitLevel, entry: number, tick: number, sign: number): number {
  const v = Number(level.value);
  switch (level.kind) {
    case 'price': return v;
    case 'offset': return entry + sign * v;
    case 'ticks': return entry + sign * v * tick;
    case 'percent': return entry * (1 + (sign * v) / 100);
  }
}

/**
 * Pure: the entry and its exits as IB orders — opposite side, the entry's quantity, one OCA group, GTC so an exit
 * outlives the day the entry filled on; prices resolved from the entry price and rounded to the contract's tick.
 * An exit that lands on or beyond the wrong side of the entry is refused with the prices named.
 */
export function planBracket(entry: OrderSpec, spec: AlertExits, at: EntryPrice, tick: number): BracketPlan {
  const long = entry.side === 'BUY';
  const dir = long ? 1 : -1;
  const oca = `${entry.orderRef}-OCA`;
  const base = (role: ExitRole): OrderSpec => ({
    side: long ? 'SELL' : 'BUY', quantity: entry.quantity, orderType: 'LMT', limitPrice: null, stopPrice: null, tif: 'GTC',
    orderRef: `${entry.orderRef}-${SUFFIX[role]}`, ocaGroup: oca, outsideRth: spec.outsideRth ?? false,
  });
  const exits: ExitOrder[] = [];
  const sideProblem = (name: string, price: string, above: boolean) => (Number(price) > at.price) === above && Number(price) !== at.price ? null
    : `the ${name} ${price} is not ${above ? 'above' : 'below'} the entry price ${at.price} (${at.source}) of this ${entry.side}`;

  if (spec.takeProfit) {
    const limit = roundToTick(levelPrice(spec.takeProfit, at.price, tick, dir), tick);
    const problem = sideProblem('take-profit', limit, long);
    if (problem) return { ok: false, reason: `Refused: ${problem}` };
    exits.push({ role: 'take-profit', order: { ...base('take-profit'), limitPrice: limit } });
  }
  if (spec.stopLoss) {
    const stop = roundToTick(levelPrice(spec.stopLoss, at.price, tick, -dir), tick);
    const problem = sideProblem('stop-loss', stop, !long);
    if (problem) return { ok: false, reason: `Refused: ${problem}` };
    const limit = spec.stopLoss.limitOffset ? roundToTick(Number(stop) - dir * Number(spec.stopLoss.limitOffset), tick) : null;
    exits.push({ role: 'stop-loss', order: { ...base('stop-loss'), orderType: limit ? 'STP LMT' : 'STP', stopPrice: stop, limitPrice: limit } });
  }
  if (spec.trailingStop) {
    const { kind, value } = spec.trailingStop;
    // At least one tick: IB refuses a trailing amount that is not a positive multiple of it.
    const amount = kind === 'amount' ? roundToTick(Math.max(Number(value), tick), tick) : null;
    exits.push({ role: 'trailing-stop', order: { ...base('trailing-stop'), orderType: 'TRAIL', trailingAmount: amount,
      trailingPercent: kind === 'percent' ? value : null } });
  }
  return { ok: true, entry: { ...entry, outsideRth: spec.outsideRth ?? false }, exits };
}

export const hasBracketExits = (spec: AlertExits | null | undefined): spec is AlertExits =>
  Boolean(spec && (spec.takeProfit || spec.stopLoss || spec.trailingStop));
