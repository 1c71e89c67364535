import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const FILE = path.resolve(__dirname, '../../../bench-results/faults.jsonl');

/**
 * The numbers a fault test observed (counts, not timings it asserts on): printed with the test output and
 * appended to bench-results/faults.jsonl, so RELIABILITY.md can cite what the suite actually saw.
 */
export function recordFigures(fault: string, figures: Record<string, number | string>): void {
  console.log(`[fault] ${fault}: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  mkdirSync(path.dirname(FILE), { recursive: true });
  appendFileSync(FILE, `${JSON.stringify({ at: new Date().toISOString(), fault, ...figures })}\n`);
}
