// Makes a fresh machine with only Node 20 and npm ready: the pinned pnpm, then the locked dependencies.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pinned = JSON.parse(readFileSync(new URL('../package.json', import.meta.url))).packageManager.split('@')[1];
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
const quiet = (cmd) => {
  try {
    return execSync(cmd, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return null;
  }
};

export function pnpmCommand() {
  if (quiet('pnpm --version') === pinned) return 'pnpm';
  console.log(`Installing pnpm ${pinned} (npm i -g pnpm@${pinned})…`);
  try {
    run(`npm i -g pnpm@${pinned}`);
    if (quiet('pnpm --version') === pinned) return 'pnpm';
  } catch {
    /* no rights for a global install: fall through */
  }
  return `npx -y pnpm@${pinned}`;
}

export function bootstrap() {
  const pnpm = pnpmCommand();
  run(`${pnpm} install --frozen-lockfile`);
  return pnpm;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) bootstrap();
