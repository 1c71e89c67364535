import pg from 'pg';

/** Epoch ms per alert id from `sql` (selecting id, ms), exact to the microsecond (extract(epoch) is numeric). */
async function epochMsByAlert(databaseUrl: string, sql: string, ids: number[]): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; ms: string }>(sql, [ids]);
    return new Map(rows.map((r) => [Number(r.id), Number(r.ms)]));
  } finally {
    await client.end();
  }
}

/** alerts.received_at: when the API read the request (its own clock, the machine's). */
export const receivedAtOf = (databaseUrl: string, ids: number[]) =>
  epochMsByAlert(databaseUrl, `SELECT id, (extract(epoch FROM received_at) * 1000)::text AS ms FROM alerts WHERE id = ANY($1)`, ids);

/** orders.created_at: the start of the transaction that claimed the alert and wrote its order row. */
export const orderClaimedAtOf = (databaseUrl: string, ids: number[]) =>
  epochMsByAlert(databaseUrl, `SELECT alert_id AS id, (extract(epoch FROM created_at) * 1000)::text AS ms FROM orders WHERE alert_id = ANY($1)`, ids);
