import os from 'node:os';
import pg from 'pg';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  kernel: string;
  node: string;
  postgres: string;
  /** Settings that change what a commit costs. */
  postgresSettings: Record<string, string>;
}

export async function describeMachine(adminUrl: string): Promise<Machine> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const version = (await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0].v;
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'max_connections')`);
    return {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
      kernel: `${os.type()} ${os.release()}`,
      node: process.version,
      postgres: `PostgreSQL ${version}`,
      postgresSettings: Object.fromEntries(rows.map((r) => [r.name, r.setting])),
    };
  } finally {
    await client.end();
  }
}
