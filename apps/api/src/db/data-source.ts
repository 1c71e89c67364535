import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

// int8 (ids, permIds, counts) as numbers: every value we keep there stays below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  /** Fail fast when Postgres is down, so /webhook can answer 503 instead of hanging past TradingView's 3 s. */
  connectTimeoutMs?: number;
}

export function createDataSource({ url, poolSize = 10, connectTimeoutMs = 2_000 }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: connectTimeoutMs,
      statement_timeout: 10_000,
      application_name: 'tradehook',
      // A peer that vanished without a FIN/RST is noticed on idle pooled connections instead of never.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    },
  });
}

/** Connect and bring the schema up to date. */
export async function openDatabase(options: DataSourceOptions): Promise<DataSource> {
  const ds = createDataSource(options);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}
