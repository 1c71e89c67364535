/**
 * The reference the issue names: a naive webhook — Fastify parses the JSON, one INSERT per request on a pg pool,
 * reply after its commit. No authentication, validation, redaction or duplicate detection: what the plainest
 * durable handler costs on this machine. DATABASE_URL names a scratch database.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.NAIVE_POOL ?? 20) });
const app = Fastify({ logger: false });
app.post('/webhook', async (req) => {
  const { rows } = await pool.query('INSERT INTO bench_naive_alerts (body) VALUES ($1) RETURNING id', [JSON.stringify(req.body)]);
  return { id: Number(rows[0].id), status: 'accepted' };
});

pool.query(`CREATE TABLE IF NOT EXISTS bench_naive_alerts (
  id bigserial PRIMARY KEY, received_at timestamptz NOT NULL DEFAULT now(), body text NOT NULL)`)
  .then(() => app.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }))
  .then((address) => process.stdout.write(`Open: ${address}\n`));
process.on('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)));
