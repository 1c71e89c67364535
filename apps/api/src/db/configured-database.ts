import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { openDatabase } from './data-source';
import type { EmbeddedDatabase } from './embedded-postgres';

/** DATABASE_URL's server, else the embedded PostgreSQL in DATA_DIR; migrated either way. */
export async function openConfiguredDatabase(config: Config, log: Logger): Promise<{ db: DataSource; embedded: EmbeddedDatabase | null }> {
  let embedded: EmbeddedDatabase | null = null;
  if (!config.databaseUrl) {
    log.info({ dataDir: config.dataDir }, 'DATABASE_URL not set: starting the embedded PostgreSQL');
    // Loaded only when needed: embedded-postgres is ESM-only and heavy.
    const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
    embedded = await startEmbeddedPostgres(config.dataDir, (m: string) => log.warn(m));
  }
  const db = await openDatabase({ url: config.databaseUrl ?? embedded!.url });
  return { db, embedded };
}
