import pg from 'pg';

export interface SqlClient {
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A small pool of the test's own on a database, independent of the API process under test. */
export function sqlClient(url: string): SqlClient {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    close: () => pool.end(),
  };
}
