const QUARTER_CODES: Record<number, string> = { 2: 'H', 5: 'M', 8: 'U', 11: 'Z' };

/** Third Friday of a month (UTC): when quarterly index futures expire. */
function thirdFriday(year: number, month: number): Date {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return new Date(Date.UTC(year, month, 1 + ((5 - first + 7) % 7) + 14));
}

/**
 * The front quarterly contract's month code and one-digit year ("Z6"), rolling eight days before expiry as
 * volume does for CME equity index futures (ES1!, NQ1!). Other roll rules belong in the contract map.
 */
export function frontMonthCode(today: Date, rollDays = 8): string {
  for (let i = 0; i < 15; i++) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + i, 1));
    const month = d.getUTCMonth();
    if (!(month in QUARTER_CODES)) continue;
    const roll = thirdFriday(d.getUTCFullYear(), month).getTime() - rollDays * 86_400_000;
    if (today.getTime() < roll) return `${QUARTER_CODES[month]}${d.getUTCFullYear() % 10}`;
  }
  throw new Error('no front month found');
}
