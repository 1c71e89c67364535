const QUARTER_CODES: Record<number, string> = { 2: 'H', 5: 'M', 8: 'U', 11: 'Z' };
/** The futures month codes, January (F) to December (Z). */
export const MONTH_CODES = 'FGHJKMNQUVXZ';

/** Third Friday of a month (UTC): when quarterly index futures expire. */
function thirdFriday(year: number, month: number): Date {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return new Date(Date.UTC(year, month, 1 + ((5 - first + 7) % 7) + 14));
}

/** The nth quarterly contract (1 = front): its month code with a one-digit year ("Z6") and its month ("202612"). */
export interface QuarterlyContract {
  code: string;
  contractMonth: string;
}

/**
 * The nth quarterly contract from today, rolling eight days before expiry as volume does for CME equity index
 * futures (ES1!, NQ2!). Other roll rules belong in the contract map.
 */
export function quarterlyContract(today: Date, nth = 1, rollDays = 8): QuarterlyContract {
  let skip = nth - 1;
  for (let i = 0; i < 15 + 3 * nth; i++) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + i, 1));
    const month = d.getUTCMonth();
    if (!(month in QUARTER_CODES)) continue;
    const roll = thirdFriday(d.getUTCFullYear(), month).getTime() - rollDays * 86_400_000;
    if (today.getTime() >= roll || skip-- > 0) continue;
    return { code: `${QUARTER_CODES[month]}${d.getUTCFullYear() % 10}`, contractMonth: `${d.getUTCFullYear()}${String(month + 1).padStart(2, '0')}` };
  }
  throw new Error('no quarterly contract found');
}

/** The front quarterly contract's month code and one-digit year ("Z6"). */
export function frontMonthCode(today: Date, rollDays = 8): string {
  return quarterlyContract(today, 1, rollDays).code;
}

/** A dated future's ticker: root, month code, year in 1, 2 or 4 digits (NQU4, CLZ26, ESZ2026). */
const DATED_FUTURE = /^([A-Z0-9]{1,5}?)([FGHJKMNQUVXZ])(\d{1,2}|\d{4})$/;

export interface DatedFuture {
  root: string;
  /** IB's local symbol for CME-style futures: root, month code, last digit of the year ("ESZ6"). */
  localSymbol: string;
  /** YYYYMM when the ticker names the year in full (4 or 2 digits), else null (a one-digit year is ambiguous). */
  contractMonth: string | null;
}

/** Reads a TradingView dated futures ticker ("ESZ2026" → ESZ6, December 2026); null when it is not one. */
export function parseDatedFuture(ticker: string): DatedFuture | null {
  const m = ticker.match(DATED_FUTURE);
  if (!m) return null;
  const [, root, code, year] = m;
  const fullYear = year.length === 4 ? year : year.length === 2 ? `20${year}` : null;
  const month = String(MONTH_CODES.indexOf(code) + 1).padStart(2, '0');
  return { root, localSymbol: `${root}${code}${year.slice(-1)}`, contractMonth: fullYear ? `${fullYear}${month}` : null };
}
