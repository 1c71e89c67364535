/**
 * Positions derived from executions, per account and contract, as IB keeps them: the average cost includes the
 * commissions paid to open (IB's avgCost), and a reducing fill realizes (price − avgCost) × quantity less its share
 * of the commission. A position closed today stays, at quantity 0, with its realized P&L.
 */
import type { Position, SimExecution, SimOrder } from '../types';

export function derivePositions(
  executions: readonly SimExecution[],
  orderOf: (execution: SimExecution) => SimOrder | undefined,
): Position[] {
  const positions = new Map<string, Position>();
  for (const execution of executions) {
    const order = orderOf(execution);
    if (!order) continue;
    const key = `${execution.account}\0${order.conId}`;
    const entry = positions.get(key) ?? { account: execution.account, order, quantity: 0, avgCost: 0, realizedPnl: 0 };
    applyFill(entry, execution.side === 'BOT' ? execution.shares : -execution.shares, execution.price, execution.commission);
    positions.set(key, entry);
  }
  return [...positions.values()];
}

const round = (value: number): number => Math.round(value * 1e8) / 1e8;

/** Adding averages the cost (commission included); reducing realizes; crossing zero opens the rest at the fill. */
function applyFill(entry: Position, signedShares: number, price: number, commission: number): void {
  const before = entry.quantity;
  const after = before + signedShares;
  const shares = Math.abs(signedShares);
  if (before === 0 || Math.sign(before) === Math.sign(signedShares)) {
    entry.avgCost = round((Math.abs(before) * entry.avgCost + shares * price + commission) / Math.abs(after));
  } else {
    const closed = Math.min(shares, Math.abs(before));
    const opened = shares - closed;
    entry.realizedPnl = round(entry.realizedPnl + (price - entry.avgCost) * closed * Math.sign(before) - (commission * closed) / shares);
    if (after === 0) entry.avgCost = 0;
    else if (opened > 0) entry.avgCost = round(price + commission / shares);
  }
  entry.quantity = after;
}
