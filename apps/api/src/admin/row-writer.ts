import type { DataSource, EntityManager } from 'typeorm';

/** The pool, or a transaction's manager. */
type Db = DataSource | EntityManager;

/** A 4xx the error handler passes through with its message. */
export class RequestError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
  }
}

/** API field → column: only mapped fields present in the input are written. */
export type ColumnMap = Record<string, string>;

/** Own entries only: a body field named `constructor` or `toString` is no column. */
function pick(columns: ColumnMap, input: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(input).filter(([k, v]) => Object.hasOwn(columns, k) && v !== undefined).map(([k, v]) => [columns[k], v]);
}

async function run<T>(work: () => Promise<T>, what: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new RequestError(409, `${what} already exists`);
    throw error;
  }
}

export async function insertRow(db: Db, table: string, columns: ColumnMap, input: Record<string, unknown>,
  fixed: Record<string, unknown> = {}): Promise<number> {
  const pairs = [...pick(columns, input), ...Object.entries(fixed)];
  const sql = `INSERT INTO ${table} (${pairs.map(([c]) => c).join(', ')})
    VALUES (${pairs.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`;
  const [row] = await run(() => db.query(sql, pairs.map(([, v]) => v)), `such a ${table} row`);
  return row.id;
}

export async function updateRow(db: Db, table: string, columns: ColumnMap, id: number,
  input: Record<string, unknown>, fixed: Record<string, unknown> = {}): Promise<void> {
  const pairs = [...pick(columns, input), ...Object.entries(fixed)];
  if (!pairs.length) return;
  const sets = pairs.map(([c], i) => `${c} = $${i + 2}`).join(', ');
  await run(() => db.query(`UPDATE ${table} SET ${sets}, updated_at = now() WHERE id = $1`, [id, ...pairs.map(([, v]) => v)]),
    `such a ${table} row`);
}

export async function deleteRow(db: Db, table: string, id: number): Promise<void> {
  await db.query(`DELETE FROM ${table} WHERE id = $1`, [id]);
}
