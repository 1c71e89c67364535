import { formatDecimal, signOf, type NumberFormat } from '../lib/numbers';

const TONE = { [-1]: 'loss', 0: undefined, 1: 'gain' } as const;

/**
 * A figure as a trader reads it (see lib/numbers); a signed one is coloured, green for a gain and red for a loss,
 * the sign always written. Without `format` the value is shown exactly as sent. A missing figure is a dash.
 */
export function Amount({ value, format, suffix }: { value: string | number | null | undefined; format?: NumberFormat; suffix?: string }) {
  if (value === null || value === undefined || value === '') return <span aria-label="none">—</span>;
  const text = (format ? formatDecimal(value, format) : String(value)) + (suffix ? ` ${suffix}` : '');
  const tone = format?.signed ? TONE[signOf(String(value))] : undefined;
  return tone ? <span className={tone}>{text}</span> : <>{text}</>;
}
