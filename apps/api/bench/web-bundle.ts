import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const MANIFEST = path.join(REPO_ROOT, 'apps/web/dist/.vite/manifest.json');
const SIZE_SCRIPT = path.join(REPO_ROOT, 'apps/web/scripts/bundle-size.mjs');

export interface BundleFigures {
  chunks: Array<{ file: string; gzipKb: number; initial: boolean }>;
  initialGzipKb: number;
  budgetKb: number;
  /** True when this run had to build the web app first. */
  built: boolean;
}

/** The web build's own size report (apps/web/scripts/bundle-size.mjs), read back; builds the app if it is absent. */
export function measureWebBundle(pnpm = 'pnpm'): BundleFigures {
  const built = !existsSync(MANIFEST);
  if (built) execSync(`${pnpm} --filter @tradehook/web build`, { cwd: REPO_ROOT, stdio: 'ignore' });
  let text: string;
  try {
    text = execFileSync(process.execPath, [SIZE_SCRIPT], { cwd: REPO_ROOT, encoding: 'utf8' });
  } catch (error) {
    text = String((error as { stdout?: string }).stdout ?? ''); // over budget: exit 1, same report
  }
  const chunks = [...text.matchAll(/^\s*([\d.]+) kB\s+(\S+)\s+\[(initial|lazy)\]/gm)]
    .map((m) => ({ file: m[2], gzipKb: Number(m[1]), initial: m[3] === 'initial' }));
  const summary = /Initial JS of .*?([\d.]+) kB gzip \(budget ([\d.]+) kB\)/.exec(text);
  if (!summary) throw new Error(`unexpected bundle-size output:\n${text}`);
  return { chunks, initialGzipKb: Number(summary[1]), budgetKb: Number(summary[2]), built };
}
