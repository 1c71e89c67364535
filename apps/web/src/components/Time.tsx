import { formatLocalDateTime, formatUtcIso } from '../lib/format';

/** A moment in the viewer's locale; hovering shows the exact UTC ISO time. */
export function Time({ iso, compact = false }: { iso: string; compact?: boolean }) {
  const utc = formatUtcIso(iso);
  return (
    <time dateTime={utc} title={utc}>
      {formatLocalDateTime(iso, { compact })}
    </time>
  );
}
