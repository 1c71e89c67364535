/**
 * Positions derived from executions, per account and contract, as IB keeps them. avgCost is the signed cost basis
 * per unit: (quantity × price × multiplier + opening commissions) / quantity, so a long pays the commission on top
 * and a short nets it off its proceeds (sell 3 at 104 with $2 → 103.33). A reducing fill realizes
 * (price × multiplier − avgCost) × closed quantity less its share of the commission. A position closed today stays,
 * at quantity 0, with its realized P&L.
 */
import type { Position, SimExecution, SimOrder } from '../types';

/** A future's contract multiplier, 1 for everything else. */
export const multiplierOf = (order: SimOrder): number => Number(order.multiplier) || 1;

/** Called for each execution with what it realized (undefined when it only opened or added). */
export type FillRealized = (execution: SimExecution, realized: number | undefined) => void;

export function derivePositions(
  executions: readonly SimExecution[],
  orderOf: (execution: SimExecution) => SimOrder | undefined,
  onFill: FillRealized = () => undefined,
): Position[] {
  const positions = new Map<string, Position>();
  for (const execution of executions) {
    const order = orderOf(execution);
    if (!order) continue;
    const key = `${execution.account}\0${order.conId}`;
    const entry = positions.get(key) ?? { account: execution.account, order, quantity: 0, avgCost: 0, realizedPnl: 0 };
    const signed = execution.side === 'BOT' ? execution.shares : -execution.shares;
    onFill(execution, applyFill(entry, signed, execution.price * multiplierOf(order), execution.commission));
    positions.set(key, entry);
  }
  return [...positions.values()];
}

const round = (value: number): number => Math.round(value * 1e8) / 1e8;

/**
 * Adding averages the signed cost basis; reducing realizes; crossing zero opens the rest at the fill, with its share
 * of the commission. `unitPrice` is price × multiplier. Returns the fill's realized P&L, undefined if it closed nothing.
 */
function applyFill(entry: Position, signedShares: number, unitPrice: number, commission: number): number | undefined {
  const before = entry.quantity;
  const after = before + signedShares;
  const shares = Math.abs(signedShares);
  const closed = before === 0 || Math.sign(before) === Math.sign(signedShares) ? 0 : Math.min(shares, Math.abs(before));
  const opened = shares - closed;
  let realized: number | undefined;
  if (closed > 0) {
    realized = round((unitPrice - entry.avgCost) * closed * Math.sign(before) - (commission * closed) / shares);
    entry.realizedPnl = round(entry.realizedPnl + realized);
  }
  if (after === 0) entry.avgCost = 0;
  else if (opened > 0) {
    const heldBasis = closed > 0 ? 0 : before * entry.avgCost; // a crossing fill starts a new basis
    const openedBasis = Math.sign(signedShares) * opened * unitPrice + (commission * opened) / shares;
    entry.avgCost = round((heldBasis + openedBasis) / after);
  }
  entry.quantity = after;
  return realized;
}
