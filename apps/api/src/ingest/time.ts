/** Wall-clock time with sub-millisecond precision (latency figures need better than Date.now()). */
export const preciseNow = (): number => performance.timeOrigin + performance.now();

/** ISO-8601 with microseconds, as Postgres timestamptz stores it. */
export function isoMicros(epochMs: number): string {
  const whole = Math.floor(epochMs);
  const micros = Math.floor((epochMs - whole) * 1000);
  return new Date(whole).toISOString().replace('Z', `${String(micros).padStart(3, '0')}Z`);
}

/** The inverse of isoMicros: epoch ms with the microseconds kept. */
export function epochMsOfIsoMicros(iso: string): number {
  const micros = /\.\d{3}(\d{3})Z$/.exec(iso)?.[1];
  return Date.parse(iso) + (micros ? Number(micros) / 1000 : 0);
}
