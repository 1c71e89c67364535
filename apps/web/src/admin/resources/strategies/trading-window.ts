import type { Strategy } from '@tradehook/contracts';

/** "09:30–16:00 America/New_York", or "any time" when the window is open-ended on both sides. */
export function tradingWindow(strategy: Pick<Strategy, 'tradingWindowStart' | 'tradingWindowEnd' | 'timeZone'>): string {
  const { tradingWindowStart: start, tradingWindowEnd: end, timeZone } = strategy;
  if (!start && !end) return 'any time';
  return `${start ?? '…'}–${end ?? '…'} ${timeZone}`;
}
