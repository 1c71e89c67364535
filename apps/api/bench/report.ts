/** One line of the results table: a measured figure, its target when it has one, and the verdict. */
export interface Figure {
  section: string;
  name: string;
  value: number;
  unit: string;
  digits?: number;
  target?: { op: '>=' | '<' | '<=' | '='; value: number; unit?: string };
}

export type Verdict = 'PASS' | 'MISS' | '';

export function verdictOf(figure: Figure): Verdict {
  const t = figure.target;
  if (!t) return '';
  const v = figure.value;
  const ok = t.op === '>=' ? v >= t.value : t.op === '<' ? v < t.value : t.op === '<=' ? v <= t.value : v === t.value;
  return ok ? 'PASS' : 'MISS';
}

const show = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : String(value);

/** The table as fixed-width text, one section after another. */
export function formatTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.section,
    f.name,
    `${show(f.value, f.digits ?? 0)} ${f.unit}`.trim(),
    f.target ? `${f.target.op} ${show(f.target.value, f.digits ?? 0)} ${f.target.unit ?? f.unit}`.trim() : '',
    verdictOf(f),
  ]);
  const header = ['section', 'figure', 'value', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  let section = '';
  for (const [i, row] of rows.entries()) {
    if (row[0] === section) row[0] = '';
    else if (i > 0) out.push('');
    section = figures[i].section;
    out.push(line(row));
  }
  return out.join('\n');
}

/** The same figures as JSON rows (for latest.json and anything that reads it). */
export function figureRows(figures: Figure[]) {
  return figures.map((f) => ({ section: f.section, name: f.name, value: f.value, unit: f.unit, target: f.target ?? null, verdict: verdictOf(f) || null }));
}
