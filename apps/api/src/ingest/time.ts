/** Wall-clock time with sub-millisecond precision (latency figures need better than Date.now()). */
export const preciseNow = (): number => performance.timeOrigin + performance.now();

/** ISO-8601 with microseconds, as Postgres timestamptz stores it. */
export function isoMicros(epochMs: number): string {
  // Rounded, not floored: epoch ms in a double carry binary noise in their fraction (…123.001 is …123.000999).
  let whole = Math.floor(epochMs);
  let micros = Math.round((epochMs - whole) * 1000);
  if (micros === 1000) [whole, micros] = [whole + 1, 0];
  const iso = new Date(whole).toISOString();
  return `${iso.slice(0, -1)}${micros < 10 ? '00' : micros < 100 ? '0' : ''}${micros}Z`;
}

/** The inverse of isoMicros: epoch ms with the microseconds kept. */
export function epochMsOfIsoMicros(iso: string): number {
  const micros = /\.\d{3}(\d{3})Z$/.exec(iso)?.[1];
  return Date.parse(iso) + (micros ? Number(micros) / 1000 : 0);
}
