/**
 * Root keys of every cached resource. Features build their keys under these, and live events invalidate by
 * root, so an event refreshes every view of that resource without knowing the features.
 */
export const queryRoots = {
  status: ['status'],
  alerts: ['alerts'],
  trades: ['trades'],
  /** IB's positions and the strategies' positions with their drift (one page reads both). */
  positions: ['positions'],
  /** Account values and today's P&L. */
  account: ['account'],
} as const;
