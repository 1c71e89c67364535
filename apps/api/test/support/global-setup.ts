import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';

/**
 * One PostgreSQL server for the whole run: the one DATABASE_URL names (CI: the machine's server), else an embedded
 * real PostgreSQL in a temporary folder. Each test file then creates its own fresh database on it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TRADEHOOK_TEST_ADMIN_URL) return;
  if (process.env.DATABASE_URL) {
    process.env.TRADEHOOK_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradehook-test-pg-'));
  fs.chmodSync(dir, 0o777);
  const embedded = await startEmbeddedPostgres(dir, (m) => process.stderr.write(`${m}\n`));
  process.env.TRADEHOOK_TEST_ADMIN_URL = embedded.url;
  (globalThis as { __tradehookEmbedded?: unknown }).__tradehookEmbedded = { ...embedded, dir };
}
