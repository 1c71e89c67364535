const localDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });
const localTime = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function isToday(date: Date, now = new Date()): boolean {
  return date.toDateString() === now.toDateString();
}

/**
 * The viewer's local date and time (only the time for today's moments when `compact`, to keep dense tables
 * narrow); the raw value if the API sent something unparseable.
 */
export function formatLocalDateTime(iso: string, { compact = false } = {}): string {
  const date = parse(iso);
  if (!date) return iso;
  return compact && isToday(date) ? localTime.format(date) : localDateTime.format(date);
}

/** The same instant as a UTC ISO string, for hover titles. */
export function formatUtcIso(iso: string): string {
  return parse(iso)?.toISOString() ?? iso;
}

/** "3 min" style duration from seconds, for uptime. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.floor(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  return `${Math.floor(seconds / 86_400)} d ${Math.floor((seconds % 86_400) / 3600)} h`;
}

/** Text from elsewhere (e.g. a reason the API reports) as a sentence, so the next sentence does not run into it. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capitalised = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
