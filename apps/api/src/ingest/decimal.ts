/** Exact decimal text for numbers that arrive as JSON numbers or numeric strings ("15000.50" stays 15000.50). */
export type DecimalResult = { ok: true; value: string } | { ok: false; problem: string };

// One way to match any text (a dot always separates the digit runs): linear time, so a 60,000-digit "price" cannot
// hold the event loop (the ambiguous `\d+\.?\d*` took 10 s on it, before the secret was even checked).
const PLAIN = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
/** No price or quantity needs more characters; longer text is refused before any parsing. */
const MAX_LENGTH = 64;
/** Already in canonical form (the usual case): nothing to expand. */
const CANONICAL = /^(0|[1-9]\d*)(\.\d+)?$/;

export interface DecimalLimits {
  maxAbs: number;
  maxDecimals: number;
  positive?: boolean;
}

export function toDecimal(input: number | string, limits: DecimalLimits): DecimalResult {
  if (typeof input === 'string' && input.length > MAX_LENGTH * 2) return { ok: false, problem: `must be a number of at most ${MAX_LENGTH} characters` };
  const text = typeof input === 'number' ? numberToText(input) : input.trim();
  if (text !== null && text.length > MAX_LENGTH) return { ok: false, problem: `must be a number of at most ${MAX_LENGTH} characters` };
  if (text === null || !PLAIN.test(text)) return { ok: false, problem: 'must be a finite number' };
  const value = CANONICAL.test(text) ? text : expand(text);
  const n = Number(value);
  if (!Number.isFinite(n)) return { ok: false, problem: 'must be a finite number' };
  if (Math.abs(n) >= limits.maxAbs) return { ok: false, problem: `must be smaller than ${limits.maxAbs}` };
  if (limits.positive && n <= 0) return { ok: false, problem: 'must be greater than 0' };
  const decimals = value.includes('.') ? value.split('.')[1].length : 0;
  if (decimals > limits.maxDecimals) return { ok: false, problem: `must have at most ${limits.maxDecimals} decimals` };
  return { ok: true, value };
}

function numberToText(n: number): string | null {
  return Number.isFinite(n) ? String(n) : null;
}

/** "1.5e-7" → "0.00000015", "+2." → "2", keeping every digit that was sent. */
function expand(text: string): string {
  let [mantissa, exponentText] = text.toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  mantissa = mantissa.replace(/^[-+]/, '');
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  let [intPart, fracPart = ''] = mantissa.split('.');
  if (Math.abs(exponent) > 400) return negative ? '-Infinity' : 'Infinity';
  if (exponent > 0) {
    intPart += fracPart.slice(0, exponent).padEnd(exponent, '0');
    fracPart = fracPart.slice(exponent);
  } else if (exponent < 0) {
    const shift = -exponent;
    fracPart = intPart.padStart(shift, '0').slice(-shift) + fracPart;
    intPart = intPart.length > shift ? intPart.slice(0, -shift) : '0';
  }
  intPart = intPart.replace(/^0+(?=\d)/, '') || '0';
  const digits = fracPart ? `${intPart}.${fracPart}` : intPart;
  return negative && /[1-9]/.test(digits) ? `-${digits}` : digits;
}
