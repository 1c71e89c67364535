import type { NumberFormat } from '../lib/numbers';
import { Amount } from './Amount';

interface Props {
  value: string | number | null | undefined;
  /** Format as a trader reads it (thousands, decimals, sign); without it the value is shown exactly as sent. */
  format?: NumberFormat;
  title?: string;
  className?: string;
}

/**
 * A right-aligned, tabular number cell. Decimals arrive as exact strings: without `format` they are shown exactly
 * as sent (an order id or a forex price keeps every digit); formatting works on the string, never through a JS
 * number, which would lose or invent digits.
 */
export function NumCell({ value, format, title, className }: Props) {
  return (
    <td className={className ? `num ${className}` : 'num'} title={title}>
      <Amount value={value} format={format} />
    </td>
  );
}
