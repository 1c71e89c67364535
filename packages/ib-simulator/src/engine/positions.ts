/** Positions derived from executions, per account and symbol, with an average-price cost basis. */
import type { Position, SimExecution, SimOrder } from '../types';

export function derivePositions(
  executions: readonly SimExecution[],
  orderOf: (execution: SimExecution) => SimOrder | undefined,
): Position[] {
  const positions = new Map<string, Position>();
  for (const execution of executions) {
    const order = orderOf(execution);
    if (!order) continue;
    const key = `${execution.account}\0${execution.symbol}`;
    const entry = positions.get(key) ?? { account: execution.account, order, quantity: 0, avgCost: 0 };
    applyFill(entry, execution.side === 'BOT' ? execution.shares : -execution.shares, execution.price);
    positions.set(key, entry);
  }
  return [...positions.values()];
}

/** Adding to a position averages its cost; reducing keeps it; crossing zero starts afresh at the fill price. */
function applyFill(entry: Position, signedShares: number, price: number): void {
  const before = entry.quantity;
  const after = before + signedShares;
  if (before === 0 || Math.sign(before) === Math.sign(signedShares)) {
    entry.avgCost = (Math.abs(before) * entry.avgCost + Math.abs(signedShares) * price) / Math.abs(after);
  } else if (after === 0) {
    entry.avgCost = 0;
  } else if (Math.sign(after) !== Math.sign(before)) {
    entry.avgCost = price;
  }
  entry.quantity = after;
}
