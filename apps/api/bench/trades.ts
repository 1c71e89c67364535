import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { BenchStack } from './bench-stack';
import { percentile } from './stats';

export interface EndpointFigures {
  path: string;
  requests: number;
  p50Ms: number;
  p95Ms: number;
}

export interface TradesFigures {
  executions: number;
  loadSeconds: number;
  endpoints: EndpointFigures[];
}

/**
 * History as a busy account accumulates it: orders filled in two executions each, a commission report per
 * execution, one consolidated row per order (permId) pointing at its highest cumulative quantity — spread over
 * the past year, older than anything the run placed live, so the newest rows stay the real, fully joined ones.
 */
const BULK_LOAD = [
  `INSERT INTO executions (exec_id, exec_key, order_id, ib_order_id, client_id, perm_id, symbol, sec_type, exchange,
     currency, side, shares, price, cum_qty, avg_price, executed_at, account, order_ref, received_at)
   SELECT 'bulk' || o || '.' || f || '.01', 'bulk' || o || '.' || f, NULL, 500000000 + o, 17, 1500000000 + o,
     (ARRAY['SPY','QQQ','AAPL','MSFT','NVDA','ES','NQ','EUR','TSLA','AMZN'])[o % 10 + 1], 'STK', 'SMART', 'USD',
     CASE WHEN o % 2 = 0 THEN 'BUY' ELSE 'SELL' END, 50, 100 + (o % 997) / 10.0, 50 * f, 100 + (o % 997) / 10.0,
     now() - interval '1 day' - make_interval(secs => ($1::int / 2 - o) * 60 - f), 'DU1234567', 'TH-bulk-' || o,
     now() - interval '1 day' - make_interval(secs => ($1::int / 2 - o) * 60 - f)
   FROM generate_series(1, $1::int / 2) AS o, generate_series(1, 2) AS f`,
  `INSERT INTO commissions (exec_id, commission, currency, realized_pnl, received_at)
   SELECT exec_id, 0.25, 'USD', NULL, received_at FROM executions WHERE exec_id LIKE 'bulk%'`,
  `INSERT INTO consolidated_trades (perm_id, execution_id, cum_qty, last_exec_at, executions)
   SELECT perm_id, id, cum_qty, executed_at, 2 FROM executions WHERE exec_id LIKE 'bulk%' AND cum_qty = 100`,
  `ANALYZE executions, commissions, consolidated_trades`,
];

async function bulkLoad(databaseUrl: string, executions: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off'); // a bulk load, not the product's writes
    for (const sql of BULK_LOAD) await client.query(sql, sql.includes('$1') ? [executions] : []);
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM executions');
    return rows[0].n;
  } finally {
    await client.end();
  }
}

async function timeEndpoint(stack: BenchStack, path: string, requests: number): Promise<EndpointFigures> {
  const get = async () => {
    const started = performance.now();
    const res = await fetch(`${stack.api.url}${path}`, { headers: { cookie: stack.cookie } });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
    const rows = (await res.json()) as unknown[];
    if (rows.length === 0) throw new Error(`GET ${path} returned no rows`);
    return performance.now() - started;
  };
  for (let i = 0; i < 20; i++) await get(); // warm: plans cached, index pages in memory
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) samples.push(await get());
  return { path, requests, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95) };
}

/** The trades page's two endpoints, one request at a time (a trader's browser), over a million executions. */
export async function measureTrades(stack: BenchStack, executions: number, requests: number): Promise<TradesFigures> {
  const started = performance.now();
  const total = await bulkLoad(stack.db.url, executions);
  const loadSeconds = (performance.now() - started) / 1000;
  const endpoints = [];
  for (const path of ['/api/trades/recent', '/api/trades/consolidated']) endpoints.push(await timeEndpoint(stack, path, requests));
  return { executions: total, loadSeconds, endpoints };
}
