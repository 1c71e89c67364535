import { execFile } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** pgbench ships with the server; the first version folder found is used (the machine has one). */
export function pgbenchPath(): string {
  const root = '/usr/lib/postgresql';
  const version = readdirSync(root).sort().reverse().find(Boolean);
  if (!version) throw new Error(`no PostgreSQL under ${root}: pgbench is needed for the insert ceiling`);
  return path.join(root, version, 'bin', 'pgbench');
}

/**
 * The database's own ceiling: single-row INSERT transactions (one commit each, as every acknowledged alert
 * needs) into a scratch table, at the given concurrency, measured by pgbench.
 */
export async function insertCeiling(databaseUrl: string, concurrency: number, seconds: number, row: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`CREATE TABLE IF NOT EXISTS bench_insert_ceiling (
    id bigserial PRIMARY KEY, received_at timestamptz NOT NULL DEFAULT now(), body text NOT NULL)`);
  await client.end();
  const script = path.join(os.tmpdir(), `tradehook-bench-insert-${process.pid}.sql`);
  writeFileSync(script, `INSERT INTO bench_insert_ceiling (body) VALUES ('${row.replace(/'/g, "''")}');\n`);
  const { stdout } = await run(pgbenchPath(), [
    '-n', '-f', script, '-c', String(concurrency), '-j', String(Math.min(concurrency, os.cpus().length)),
    '-T', String(seconds), databaseUrl,
  ]);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
  if (!tps) throw new Error(`could not read pgbench's tps:\n${stdout}`);
  return Number(tps);
}
