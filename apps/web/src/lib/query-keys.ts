/**
 * Root keys of every cached resource. Features build their keys under these, and live events invalidate by
 * root, so an event refreshes every view of that resource without knowing the features.
 */
export const queryRoots = {
  status: ['status'],
  alerts: ['alerts'],
  trades: ['trades'],
} as const;
