/**
 * A right-aligned, tabular number cell. Decimals arrive as exact strings and are shown exactly as sent:
 * formatting through a JS number would lose or invent digits (forex prices carry 5 decimals).
 */
export function NumCell({ value }: { value: string | number | null | undefined }) {
  const missing = value === null || value === undefined || value === '';
  return <td className="num">{missing ? <span aria-label="none">—</span> : value}</td>;
}
