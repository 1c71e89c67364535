import type { DataSource, EntityManager } from 'typeorm';

/**
 * The rows of any statement. (TypeORM's plain query() answers UPDATE/DELETE with [rows, count] instead, which
 * silently breaks `UPDATE … RETURNING`.)
 */
export async function sqlRows<T = Record<string, any>>(db: DataSource | EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  const own = (db as EntityManager).queryRunner;
  if (own) return (await own.query(text, params, true)).records as T[];
  const runner = (db as DataSource).createQueryRunner();
  try {
    return (await runner.query(text, params, true)).records as T[];
  } finally {
    await runner.release();
  }
}
