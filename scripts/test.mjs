// `npm test`: every test — type checks, then one jest run (contracts, simulator, API, web components, Chromium
// end-to-end). Uses DATABASE_URL's server when set, else an embedded PostgreSQL.
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bootstrap } from './bootstrap.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pnpm = bootstrap();
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
try {
  run(`${pnpm} -r typecheck`);
  run(`${pnpm} --filter @tradehook/web build`);
  run(`${pnpm} exec jest --ci ${process.argv.slice(2).join(' ')}`);
} catch (error) {
  process.exit(error.status ?? 1);
}
