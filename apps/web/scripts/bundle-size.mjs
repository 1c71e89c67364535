// Prints every emitted JS chunk's gzip size and fails when the entry's initial JS (what /trades loads before any
// lazy import: the entry chunk plus its static imports) is over budget. Runs after `vite build` (needs the manifest).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file))).length / 1000;
const format = (kb) => `${kb.toFixed(2).padStart(8)} kB`;

/** The entry chunk and everything it imports statically; dynamic imports (lazy routes) are not followed. */
function initialFiles(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) initialFiles(imported, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('No entry in dist/.vite/manifest.json: was this built with build.manifest?');
const initial = initialFiles(entryKey);

const jsFiles = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
console.log('JS chunks (gzip):');
for (const file of jsFiles.sort()) {
  console.log(`${format(gzipKb(file))}  ${file}${initial.has(file) ? '  [initial]' : '  [lazy]'}`);
}

const initialKb = [...initial].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipKb(f), 0);
console.log(`\nInitial JS of ${entryKey}: ${format(initialKb).trim()} gzip (budget ${BUDGET_KB} kB)`);
if (initialKb > BUDGET_KB) {
  console.error(`Over budget by ${(initialKb - BUDGET_KB).toFixed(2)} kB: move heavy code behind a lazy import.`);
  process.exit(1);
}
