import { DataSource } from 'typeorm';
import { migrations } from '../../src/db/migrations';

/** Runs SQL on a database in a connection of its own (a migration test's "operator" fixing data by hand). */
export async function runSql(url: string, sql: string): Promise<void> {
  const db = new DataSource({ type: 'postgres', url });
  await db.initialize();
  try {
    await db.query(sql);
  } finally {
    await db.destroy();
  }
}

/** Brings an empty database to the schema just before `migration`, and fills it with `seedSql`, as an older release left it. */
export async function migrateUpTo(url: string, migration: (typeof migrations)[number], seedSql: string): Promise<void> {
  const before = new DataSource({ type: 'postgres', url, migrations: migrations.slice(0, migrations.indexOf(migration)) });
  await before.initialize();
  try {
    await before.runMigrations();
    await before.query(seedSql);
  } finally {
    await before.destroy();
  }
}
