/**
 * How TWS writes values into NUL-separated fields. Every outgoing message goes through these helpers so the
 * client's strict decoder (readInt / readDouble / readDecimal / readBool) always sees what it expects.
 */

/** An unset double as TWS writes it (Java's Double.MAX_VALUE); the decoder maps it to `undefined`. */
export const UNSET_DOUBLE = '1.7976931348623157E308';
/** An unset int as TWS writes it (Java's Integer.MAX_VALUE); readIntOrUndefined maps it to `undefined`. */
export const UNSET_INT = '2147483647';

export type Field = string;

export function int(value: number): Field {
  if (!Number.isFinite(value)) throw new RangeError(`not an int: ${value}`);
  return String(Math.trunc(value));
}

/** Shortest round-trip text of a double (JS and Java agree on that); unset or non-finite → UNSET_DOUBLE. */
export function double(value: number | undefined): Field {
  return value === undefined || !Number.isFinite(value) ? UNSET_DOUBLE : String(value);
}

/** A Decimal field (quantities); the decoder's readDecimal accepts plain numbers. */
export function decimal(value: number): Field {
  return String(value);
}

export function bool(value: boolean): Field {
  return value ? '1' : '0';
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "20260101 12:00:00 UTC": the form TWS uses for connection, execution and completion times. */
export function ibTimestamp(epochMs: number): string {
  const d = new Date(epochMs);
  const date = `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}`;
  return `${date} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} UTC`;
}

/**
 * Parses the time of an execution filter. IB documents "yyyymmdd-hh:mm:ss"; clients also send a space, an
 * optional time zone (only UTC is understood here) or just a date. Returns epoch ms, or undefined if unparseable.
 */
export function parseIbFilterTime(text: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(?:[-\s]+(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  return Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
}
