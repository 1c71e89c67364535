import path from 'node:path';
import { IbSimulator } from '@tradehook/ib-simulator';
import { startApiProcess, type ApiProcess } from '../test/faults/support/api-process';
import { untilIbConnected } from '../test/faults/support/readiness';
import { createTestDatabase, type TestDatabase } from '../test/support/database';
import { ADMIN, TEST_SECRET } from '../test/support/stack';

export interface BenchStack {
  api: ApiProcess;
  sim: IbSimulator;
  db: TestDatabase;
  /** The signed-in admin's session cookie, for /api/* reads. */
  cookie: string;
  close(): Promise<void>;
}

/** BENCH_PROFILE=1: each API process writes a V8 CPU profile here when it stops (open in Chrome DevTools). */
export const PROFILE_DIR = path.resolve(__dirname, '../bench-results/profiles');

/**
 * The product as it runs in production, for measuring: the real server in its own process on a scratch database,
 * trading against a simulator in this process. The webhook rate limit is off: the bench measures capacity.
 */
export async function startBenchStack(env: Record<string, string> = {},
  nodeArgs = process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []): Promise<BenchStack> {
  const sim = new IbSimulator({ walk: false });
  const simPort = await sim.start();
  const db = await createTestDatabase();
  const api = await startApiProcess({
    DATABASE_URL: db.url, IB_HOST: '127.0.0.1', IB_PORT: String(simPort), WEBHOOK_SECRET: TEST_SECRET,
    ADMIN_USER: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, WEBHOOK_RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', ...env,
  }, { nodeArgs });
  const cookie = await login(api.url);
  if (!env.IB_PORT) await untilIbConnected(api.url);
  return {
    api, sim, db, cookie,
    async close() {
      await api.stop();
      await sim.stop();
      await db.drop();
    },
  };
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}
