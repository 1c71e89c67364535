import { Writable } from 'node:stream';
import { IbSimulator, type SimulatorOptions } from '@tradehook/ib-simulator';
import { startTradehook, type RunningTradehook } from '../../src/start';
import { createTestDatabase, type TestDatabase } from './database';

export const TEST_SECRET = 'test-secret-Zq8v1';
export const ADMIN = { username: 'admin', password: 'admin-password-for-tests' };

export interface TestStack {
  url: string;
  running: RunningTradehook;
  sim: IbSimulator;
  db: TestDatabase;
  /** Every log line the API wrote, as text. */
  logs: string[];
  post(body: unknown, contentType?: string): Promise<{ status: number; body: any }>;
  /** GET with the signed-in admin's session. */
  get(path: string): Promise<{ status: number; body: any }>;
  /** fetch() against the API with the admin's session cookie (unless `cookie` is given). */
  fetch(path: string, init?: RequestInit & { cookie?: string | null }): Promise<Response>;
  /** Signs in and returns the session cookie. */
  login(username: string, password: string): Promise<string>;
  cookie: string;
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** The real product on a fresh database, talking to a simulator the test controls, over real sockets. */
export async function startTestStack(options: {
  env?: Record<string, string>; sim?: SimulatorOptions; simulator?: IbSimulator; db?: TestDatabase;
} = {}): Promise<TestStack> {
  const db = options.db ?? (await createTestDatabase());
  const sim = options.simulator ?? new IbSimulator({ walk: false, ...options.sim });
  const simPort = options.simulator ? sim.port : await sim.start();
  const logs: string[] = [];
  const logStream = new Writable({ write(chunk, _enc, done) { logs.push(String(chunk)); done(); } });
  const running = await startTradehook({
    DATABASE_URL: db.url, PORT: '0', LOG_LEVEL: 'info', WEBHOOK_SECRET: TEST_SECRET,
    IB_HOST: '127.0.0.1', IB_PORT: String(simPort), IB_CLIENT_ID: '7',
    ADMIN_USER: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, ...options.env,
  }, { logStream });
  // Where this machine reaches the server (running.url is PUBLIC_URL when one is configured).
  const address = running.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const stack: TestStack = {
    url, running, sim, db, logs, cookie: '',
    async login(username, password) {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
      });
      if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status}`);
      return res.headers.get('set-cookie')!.split(';')[0];
    },
    fetch(path, init = {}) {
      const { cookie = stack.cookie, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (cookie) headers.set('cookie', cookie);
      // As the web app does: every change is sent as JSON (the API refuses other changes as possible CSRF).
      if (rest.method && !['GET', 'HEAD'].includes(rest.method) && !headers.has('content-type')) headers.set('content-type', 'application/json');
      return fetch(`${url}${path}`, { ...rest, headers });
    },
    async post(body, contentType = 'application/json') {
      const res = await fetch(`${url}/webhook`, {
        method: 'POST', headers: { 'content-type': contentType },
        body: typeof body === 'string' || Buffer.isBuffer(body) ? (body as string) : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    async get(path) {
      const res = await stack.fetch(path);
      const text = await res.text();
      return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
    },
    query: (sql, params) => running.db.query(sql, params),
    async waitFor(probe, what, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await probe();
        if (value) return value as never;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async close() {
      await running.close();
      if (!options.simulator) await sim.stop();
      if (!options.db) await db.drop();
    },
  };
  stack.cookie = await stack.login(ADMIN.username, ADMIN.password);
  return stack;
}

/** The original application's documented payload, with the test secret. */
export const originalPayload = (overrides: Record<string, unknown> = {}) => ({
  stratName: 'Strat Alpha', alert: 'Trade Alert!', exchange: 'CME_MINI', symbol: 'NQU4',
  price: 15000.5, direction: 'BUY', secmgs: TEST_SECRET, ...overrides,
});
