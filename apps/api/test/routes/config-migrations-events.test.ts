import { ConfigError, loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/data-source';
import { createTestDatabase } from '../support/database';
import { originalPayload, startTestStack } from '../support/stack';

describe('configuration', () => {
  it('has safe defaults: paper, simulator, localhost', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: null, ib: { host: null, allowLive: false } });
  });

  it('stops with a message naming every bad variable', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', IB_HOST: 'gw', IB_PORT: '4001', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (e) {
      const text = (e as Error).message;
      for (const name of ['PORT', 'IB_PORT', 'IB_ALLOW_LIVE', 'LOG_LEVEL', 'DATABASE_URL']) expect(text).toContain(name);
    }
  });

  it('accepts a live port only with IB_ALLOW_LIVE=true and a real secret', () => {
    expect(() => loadConfig({ IB_HOST: 'gw', IB_PORT: '7496', IB_ALLOW_LIVE: 'true' })).toThrow(/WEBHOOK_SECRET/);
    expect(loadConfig({ IB_HOST: 'gw', IB_PORT: '7496', IB_ALLOW_LIVE: 'true', WEBHOOK_SECRET: 'long-enough-secret' }).ib.allowLive).toBe(true);
  });

  it('accepts the documentation\'s example secret only with the built-in simulator', () => {
    expect(loadConfig({}).webhookSecretIsExample).toBe(true);
    expect(() => loadConfig({ IB_HOST: 'gw', IB_PORT: '4002' })).toThrow(/WEBHOOK_SECRET must be set when IB_HOST/);
  });
});

describe('migrations', () => {
  it('build the schema on an empty database, and a second run changes nothing', async () => {
    const empty = await createTestDatabase();
    try {
      const db = await openDatabase({ url: empty.url });
      const tables = (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).map((r: { tablename: string }) => r.tablename);
      expect(tables).toEqual(expect.arrayContaining(['alerts', 'orders', 'executions', 'commissions', 'consolidated_trades',
        'contract_map', 'users', 'sessions', 'strategies', 'settings', 'audit_log']));
      expect(await db.runMigrations()).toEqual([]);
      await db.destroy();
    } finally {
      await empty.drop();
    }
  });
});

describe('GET /api/events', () => {
  it('streams alert events as Server-Sent Events', async () => {
    const stack = await startTestStack();
    const controller = new AbortController();
    try {
      const res = await stack.fetch('/api/events', { signal: controller.signal });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      const { body } = await stack.post(originalPayload({ alertId: 'sse-1' }));
      let text = '';
      while (!text.includes(`"id":${body.id}`)) text += new TextDecoder().decode((await reader.read()).value);
      expect(text).toMatch(new RegExp(`event: alert\\ndata: \\{"type":"alert","id":${body.id}`));
      expect((await stack.fetch('/api/events', { cookie: null })).status).toBe(401);
    } finally {
      controller.abort();
      await stack.close();
    }
  });
});
