/**
 * Numbers as a trader reads them: thousands separators, a fixed number of decimals per kind of figure, and P&L with
 * an explicit + or − sign. Decimals arrive from the API as exact strings and are formatted as strings (Intl formats a
 * numeric string exactly), so no digit is lost or invented on the way. One locale for every figure, so columns of
 * numbers line up and read the same on every screen.
 */
const LOCALE = 'en-US';
const MINUS = '\u2212';
const formatters = new Map<string, Intl.NumberFormat>();

export interface NumberFormat {
  /** Fraction digits, rounded; absent: as many as the value has (trailing zeros kept, none invented). */
  decimals?: number;
  /** Show + for a gain and − for a loss (zero has no sign). */
  signed?: boolean;
}

type Numeric = `${number}`;

function formatter(decimals: number, signed: boolean): Intl.NumberFormat {
  const key = `${decimals}:${signed}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, {
      minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: signed ? 'exceptZero' : 'auto',
    });
    formatters.set(key, format);
  }
  return format;
}

/** Digits after the decimal point as written (1.50 → 2, 190 → 0). */
export function decimalsOf(value: string): number {
  const match = /\.(\d+)/.exec(value);
  return match ? match[1].length : 0;
}

/** Digits after the point that carry a value (1.50 → 1, 190.0035 → 4). */
function significantDecimalsOf(value: string): number {
  const match = /\.(\d*[1-9])/.exec(value);
  return match ? match[1].length : 0;
}

/** An exact decimal string formatted; a value that is not a number is returned as sent. */
export function formatDecimal(value: string | number, { decimals, signed = false }: NumberFormat = {}): string {
  const text = String(value).trim();
  if (!/^[-+]?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(text)) return text;
  const digits = decimals ?? decimalsOf(text);
  return formatter(digits, signed).format(text as Numeric).replace('-', MINUS);
}

/** -1 for a loss, 1 for a gain, 0 for zero (or no figure). */
export function signOf(value: string | null | undefined): -1 | 0 | 1 {
  if (!value || /^[-+]?0*(\.0*)?$/.test(value.trim())) return 0;
  return value.trim().startsWith('-') ? -1 : 1;
}

/** Money: two decimals. */
export const MONEY: NumberFormat = { decimals: 2 };
/** Profit and loss: two decimals, signed. */
export const PNL: NumberFormat = { decimals: 2, signed: true };

const BASE_PRICE_DECIMALS: Record<string, number> = { CASH: 5 };

/**
 * One number of decimals for every price of an instrument (so 190.25 and 190.0035 line up as 190.2500 and
 * 190.0035): its kind's usual decimals (5 for a currency pair, else 2), more when its prices carry more, up to two
 * more than usual.
 */
export function priceDecimals(secType: string, prices: ReadonlyArray<string | null | undefined>): number {
  const base = BASE_PRICE_DECIMALS[secType] ?? 2;
  const needed = Math.max(0, ...prices.map((p) => (p ? significantDecimalsOf(p) : 0)));
  return Math.min(Math.max(base, needed), base + 2);
}
