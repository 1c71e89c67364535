import type { AlertExits } from '@tradehook/contracts';
import type { ContractSpec, OrderSpec } from '../../ib/ib-types';
import type { ReferencePrice } from '../reference-price';
import { planBracket, type BracketPlan, type EntryPrice } from './bracket';
import type { TickSizes } from './tick-size';

/**
 * What the exits are measured from: the entry's own limit (or stop) price; for a market entry, IB's reference
 * price as the risk rules saw it (never the alert's word: TradingView's close can be far from IB's market).
 */
export function entryPriceOf(order: OrderSpec, reference: ReferencePrice | undefined): EntryPrice | string {
  if (order.limitPrice !== null) return { price: Number(order.limitPrice), source: 'its limit price' };
  if (order.stopPrice !== null) return { price: Number(order.stopPrice), source: 'its stop price' };
  if (reference?.price != null) return { price: reference.price, source: `IB's reference price: ${reference.source}` };
  return `Refused: the exits of a market entry are measured from IB's price, and there is none — ${reference?.source ?? 'not looked up'}`;
}

/** The alert's bracket as IB orders, rounded to the contract's tick, or why it cannot be placed. */
export async function planAlertBracket(
  order: OrderSpec, exits: AlertExits, contract: ContractSpec, reference: ReferencePrice | undefined, ticks: TickSizes,
): Promise<BracketPlan> {
  const at = entryPriceOf(order, reference);
  if (typeof at === 'string') return { ok: false, reason: at };
  const { tick } = await ticks.of(contract);
  return planBracket(order, exits, at, tick);
}
