import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { DataSource } from 'typeorm';
import { buildApp } from './app';
import { loadConfig, type Config } from './config';
import { openConfiguredDatabase } from './db/configured-database';
import { createLogger } from './logging';
import { createServices, type Services } from './services';
import { version } from './version';

export interface RunningTradehook {
  /** Where the web app and the API answer, e.g. http://127.0.0.1:3000 */
  url: string;
  config: Config;
  app: FastifyInstance;
  db: DataSource;
  services: Services;
  /** Set on the very first start when no ADMIN_PASSWORD was given: shown once, never logged. */
  generatedAdmin: { username: string; password: string } | null;
  close(): Promise<void>;
}

/**
 * Starts the whole product: database (embedded when DATABASE_URL is absent), migrations, IB session (built-in
 * simulator when IB_HOST is absent), dispatcher and the HTTP server. close() is the graceful reverse.
 */
export async function startTradehook(env: Record<string, string | undefined> = process.env,
  options: { logStream?: DestinationStream } = {}): Promise<RunningTradehook> {
  const config = loadConfig(env);
  const log = createLogger(config.logLevel, options.logStream);
  if (config.webhookSecretIsExample) {
    log.warn('WEBHOOK_SECRET is not set: the example secret from the documentation is accepted. Set WEBHOOK_SECRET before trading a real account.');
  }
  const { db, embedded } = await openConfiguredDatabase(config, log);
  const shownHost = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host;
  let url = config.publicUrl ?? `http://${shownHost}:${config.port}`;
  const services = await createServices({
    config, db, log, version, embeddedDatabase: embedded !== null, webhookUrl: `${url}/webhook`,
  });
  const app = buildApp({ config, version, logger: log, services, ...services });
  // Alerts arrive in bursts of new connections. With Node's default queue of 511 the kernel drops the excess and
  // each dropped sender waits 1 s (then 3 s: TradingView's limit) to retry; the kernel caps this at somaxconn.
  await app.listen({ port: config.port, host: config.host, backlog: 4096 });
  if (config.port === 0) {
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    url = config.publicUrl ?? `http://${shownHost}:${port}`;
    services.status.setWebhookUrl(`${url}/webhook`);
  }
  await services.start();
  const generatedAdmin = await services.users.ensureFirstAdmin(config.adminUser, config.adminPassword);
  return {
    url, config, app, db, services, generatedAdmin,
    async close() {
      await app.close(); // in-flight requests finish first
      await services.stop();
      await db.destroy();
      await embedded?.stop();
    },
  };
}
