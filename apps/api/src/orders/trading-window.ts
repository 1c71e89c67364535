/** Minutes since midnight of `at` in an IANA time zone. */
function minutesIn(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  return Number(parts.find((p) => p.type === 'hour')?.value) * 60 + Number(parts.find((p) => p.type === 'minute')?.value);
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when there is no window, or `at` falls inside it (a window may wrap past midnight, e.g. 18:00–16:00). */
export function insideTradingWindow(
  at: Date,
  w: { tradingWindowStart: string | null; tradingWindowEnd: string | null; timeZone: string },
): boolean {
  if (!w.tradingWindowStart || !w.tradingWindowEnd) return true;
  const now = minutesIn(at, w.timeZone);
  const start = toMinutes(w.tradingWindowStart);
  const end = toMinutes(w.tradingWindowEnd);
  return start <= end ? now >= start && now < end : now >= start || now < end;
}
