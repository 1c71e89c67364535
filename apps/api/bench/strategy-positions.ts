/**
 * Strategy positions at a million executions: `DATABASE_URL=… pnpm --filter @tradehook/api exec tsx bench/strategy-positions.ts [executions]`.
 * Loads a year of history (orders from alerts of 10 strategies × 10 symbols, two executions each, a commission per
 * execution, the strategy_positions they add up to), then measures what grows with it: one execution's transaction
 * with and without its position update, a correction's replay, GET /api/strategy-positions, a drift check and the
 * upgrade's one-time rebuild.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { ExecutionReport } from '../src/ib/ib-types';
import { openDatabase } from '../src/db/data-source';
import { DriftMonitor } from '../src/positions/drift-monitor';
import { applyExecutionToPositions } from '../src/positions/position-writer';
import { rebuildStrategyPositions } from '../src/positions/rebuild';
import { strategyPositions } from '../src/positions/strategy-position-queries';
import { workingOrders } from '../src/positions/working-orders';
import { recordExecution } from '../src/trades/execution-store';
import { runSql } from '../test/support/migration-steps';
import { startBenchStack } from './bench-stack';
import { percentile, round } from './stats';

const EXECUTIONS = Number(process.argv[2] ?? 1_000_000);
const SYMBOLS = `ARRAY['SPY','QQQ','AAPL','MSFT','NVDA','KO','PEP','IBM','TSLA','AMZN']`;

const BULK_LOAD = [
  `INSERT INTO alerts (id, received_at, strategy, symbol, exchange, price, direction, quantity, status, http_status)
   SELECT o, now() - interval '2 days' - make_interval(secs => ($1::int / 2 - o) * 60), 'Bulk ' || (o % 10),
     (${SYMBOLS})[o / 10 % 10 + 1], 'NASDAQ', 100, CASE WHEN o % 3 = 0 THEN 'SELL' ELSE 'BUY' END, 100, 'placed', 200
   FROM generate_series(1, $1::int / 2) AS o`,
  `SELECT setval('alerts_id_seq', $1::int / 2 + 1)`,
  `INSERT INTO orders (id, alert_id, ib_order_id, client_id, perm_id, order_ref, symbol, sec_type, exchange, currency, side,
     quantity, order_type, tif, status, filled, remaining, executed)
   SELECT id, id, 500000000 + id, 17, 1500000000 + id, 'TH-' || id || '-bulk', symbol, 'STK', 'SMART', 'USD', direction,
     100, 'MKT', 'DAY', 'filled', 100, 0, 100 FROM alerts`,
  // A few orders still working, as a live account has.
  `UPDATE orders SET status = 'working', executed = 50 WHERE id % 100000 = 7`,
  `SELECT setval('orders_id_seq', $1::int / 2 + 1)`,
  `INSERT INTO executions (exec_id, exec_key, order_id, ib_order_id, client_id, perm_id, symbol, sec_type, exchange,
     currency, side, shares, price, cum_qty, avg_price, executed_at, account, order_ref, con_id, received_at)
   SELECT 'bulk' || o.id || '.' || f || '.01', 'bulk' || o.id || '.' || f, o.id, o.ib_order_id, 17, o.perm_id, o.symbol, 'STK',
     'SMART', 'USD', o.side, 50, 100 + (o.id % 97) / 10.0, 50 * f, 100, a.received_at + make_interval(secs => f), 'DU1234567',
     o.order_ref, 265598 + o.id / 10 % 10, a.received_at
   FROM orders o JOIN alerts a ON a.id = o.alert_id, generate_series(1, 2) AS f`,
  `INSERT INTO commissions (exec_id, commission, currency) SELECT exec_id, 0.25, 'USD' FROM executions`,
  `INSERT INTO strategy_positions (strategy_key, strategy, account, contract_key, con_id, symbol, sec_type, exchange, currency,
     quantity, avg_price, gross_realized, commission, fills, last_fill_at)
   SELECT lower(a.strategy), a.strategy, 'DU1234567', 'STK:' || o.symbol || ':USD', min(e.con_id), o.symbol, 'STK', 'SMART', 'USD',
     sum(CASE WHEN e.side = 'BUY' THEN e.shares ELSE -e.shares END), 100, 0, count(*) * 0.25, count(*), max(e.executed_at)
   FROM executions e JOIN orders o ON o.id = e.order_id JOIN alerts a ON a.id = o.alert_id
   GROUP BY a.strategy, o.symbol`,
  `ANALYZE alerts, orders, executions, commissions, strategy_positions`,
];

const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};
const figures = (samples: number[]) => ({ p50Ms: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)) });
const sample = async (n: number, work: (i: number) => Promise<unknown>) => {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push(await timed(() => work(i)));
  return figures(samples);
};

async function main() {
  const stack = await startBenchStack();
  // This process's connections skip the fsync wait: the figures are the statements' cost, not the disk's.
  await runSql(stack.db.url, `ALTER DATABASE ${stack.db.name} SET synchronous_commit = off`);
  const db = await openDatabase({ url: stack.db.url });
  try {
    const client = new pg.Client({ connectionString: stack.db.url });
    await client.connect();
    await client.query('SET synchronous_commit = off');
    const loadStarted = performance.now();
    for (const sql of BULK_LOAD) await client.query(sql, sql.includes('$1') ? [EXECUTIONS] : []);
    await client.end();
    const loadSeconds = round((performance.now() - loadStarted) / 1000, 1);

    // One execution's transaction, as the ledger writes it, on orders from the bulk history.
    const report = (i: number, tag: string): ExecutionReport => ({
      execId: `${tag}${i}.01`, ibOrderId: 500000000 + i + 1, clientId: 17, permId: 1500000000 + i + 1, symbol: 'AAPL', secType: 'STK',
      exchange: 'SMART', currency: 'USD', side: 'BUY', shares: '1', price: '101', cumQty: '101', avgPrice: '101',
      executedAt: new Date(), account: 'DU1234567', orderRef: `TH-${i + 1}-bulk`, conId: 265600, localSymbol: 'AAPL',
    });
    // Alternated, so both see the same cache and the same neighbours on a shared machine.
    const plain: number[] = [];
    const moved: number[] = [];
    for (let i = 0; i < 500; i++) {
      plain.push(await timed(() => db.transaction((tx) => recordExecution(tx, report(i, 'plain'), 17))));
      moved.push(await timed(() => db.transaction(async (tx) => {
        const e = report(1000 + i, 'pos');
        await applyExecutionToPositions(tx, e, await recordExecution(tx, e, 17));
      })));
    }
    const withoutPositions = figures(plain);
    const withPositions = figures(moved);
    // A correction replays its strategy position: every execution of that strategy in that contract (EXECUTIONS / 100).
    const correction = await sample(5, (i) => db.transaction(async (tx) => {
      const e = { ...report(2000 + i * 10, 'pos'), execId: `pos${1000 + i}.02`, price: '102' };
      await applyExecutionToPositions(tx, e, await recordExecution(tx, e, 17));
    }));
    const read = await sample(200, async () => {
      const res = await fetch(`${stack.api.url}/api/strategy-positions`, { headers: { cookie: stack.cookie } });
      if (res.status !== 200) throw new Error(`GET /api/strategy-positions: ${res.status}`);
      await res.json();
    });
    const rebuild = await sample(1, () => rebuildStrategyPositions(db.manager)); // what the migration does on an upgrade
    const queries = await sample(200, () => strategyPositions(db, () => 'DU1234567'));
    const working = await sample(200, () => workingOrders(db));
    const monitor = new DriftMonitor(db, { publish: () => undefined, subscribe: () => () => undefined } as never,
      { warn: console.warn } as never);
    const drift = await sample(50, () => monitor.check());
    console.log(JSON.stringify({ executions: EXECUTIONS, loadSeconds, executionTx: { withoutPositions, withPositions },
      correctionReplay: correction, getStrategyPositions: read, strategyPositionsInProcess: queries, workingOrders: working,
      driftCheck: drift, rebuildOnUpgrade: rebuild }, null, 2));
  } finally {
    await db.destroy();
    await stack.close();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
