/**
 * `pnpm bench`: every performance figure of Tradehook in one run on this machine, next to the ceilings measured
 * in the same run (ratios, not absolute times alone: these machines are shared and noisy). Prints a table and
 * writes apps/api/bench-results/latest.json. The API runs as its own process; the simulator runs here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startApiProcess } from '../test/faults/support/api-process';
import { createTestDatabase } from '../test/support/database';
import { originalPayload } from '../test/support/stack';
import { startBenchStack, type BenchStack } from './bench-stack';
import { measureBurst } from './burst';
import { bundleFigures, burstFigures, ingestFigures, tradesFigures, wireFigures } from './figures';
import { measureIngest } from './ingest';
import { describeMachine } from './machine';
import { figureRows, formatTable, verdictOf, type Figure } from './report';
import { measureTrades } from './trades';
import { measureWebBundle } from './web-bundle';
import { measureWireLatency } from './wire-latency';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
/** BENCH_QUICK=1 shortens every phase (a smoke run of the harness, not figures to keep: written aside). */
const QUICK = process.env.BENCH_QUICK === '1';
const RESULTS = path.resolve(__dirname, `../bench-results/${QUICK ? 'quick' : 'latest'}.json`);
const SETTINGS = {
  ingestSeconds: QUICK ? 2 : 5,
  concurrencies: [1, 16, 64],
  burstAlerts: 1_000,
  wireSamples: QUICK ? 30 : 200,
  wireGapMs: 25,
  executions: QUICK ? 100_000 : 1_000_000,
  endpointRequests: QUICK ? 50 : 300,
};

/** A distinct, valid alert (its own alertId), as TradingView's template sends it. */
const alertBody = (alertId: string) =>
  JSON.stringify(originalPayload({ symbol: 'SPY', exchange: 'NYSE', price: 500.25, quantity: 1, alertId }));
const numbered = (kind: string) => (i: number) => alertBody(`${kind}-${i}`);

const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function ingestPhase(bareUrl: string): Promise<Figure[]> {
  const stack = await startBenchStack();
  // The naive webhook writes its own table in a scratch database of its own, in its own process.
  const naiveDb = await createTestDatabase();
  const naive = await startApiProcess({ DATABASE_URL: naiveDb.url }, { entry: 'apps/api/bench/naive-server.ts' });
  try {
    log(`ingest at concurrency ${SETTINGS.concurrencies.join(', ')}: API, bare Fastify, naive webhook, pgbench (${SETTINGS.ingestSeconds} s each)`);
    return ingestFigures(await measureIngest({
      apiUrl: stack.api.url, apiCpuMs: () => stack.api.cpuMs(), bareUrl, naiveUrl: naive.url, databaseUrl: stack.db.url,
      bodyOf: alertBody, concurrencies: SETTINGS.concurrencies, seconds: SETTINGS.ingestSeconds,
    }));
  } finally {
    await naive.stop();
    await naiveDb.drop();
    await stack.close();
  }
}

/** Burst, then unqueued wire latency, then the trades endpoints over the bulk-loaded history: one fresh stack. */
async function orderPhases(bareUrl: string): Promise<Figure[]> {
  const stack: BenchStack = await startBenchStack();
  try {
    log(`burst of ${SETTINGS.burstAlerts} alerts fired at once, until every order reached the simulator`);
    const burst = burstFigures(await measureBurst(stack, bareUrl, SETTINGS.burstAlerts, (kind, i) => alertBody(`${kind}-${i}`)));
    log(`alert → order on the wire, ${SETTINGS.wireSamples} alerts one at a time`);
    const wire = wireFigures(await measureWireLatency(stack, SETTINGS.wireSamples, SETTINGS.wireGapMs, numbered('wire')));
    log(`bulk-loading ${SETTINGS.executions.toLocaleString('en-US')} executions, then the trades endpoints`);
    const trades = tradesFigures(await measureTrades(stack, SETTINGS.executions, SETTINGS.endpointRequests));
    return [...burst, ...wire, ...trades];
  } finally {
    await stack.close();
  }
}

async function main(): Promise<void> {
  process.env.TRADEHOOK_TEST_ADMIN_URL = ADMIN_URL; // scratch databases: created per stack, dropped after
  const started = Date.now();
  const machine = await describeMachine(ADMIN_URL);
  log(`${machine.cpus} cores, ${machine.memoryGb} GB, ${machine.postgres}, Node ${machine.node}${QUICK ? ' (BENCH_QUICK)' : ''}`);
  // The HTTP ceiling: the same framework with an empty handler, in its own process like the API.
  const bare = await startApiProcess({}, { entry: 'apps/api/bench/bare-server.ts' });
  let figures: Figure[];
  try {
    figures = [...(await ingestPhase(bare.url)), ...(await orderPhases(bare.url)), ...bundleFigures(measureWebBundle())];
  } finally {
    await bare.stop();
  }
  const seconds = Math.round((Date.now() - started) / 1000);

  process.stdout.write(`\nTradehook benchmark — ${machine.cpus} cores, ${machine.memoryGb} GB, ${machine.postgres}, `
    + `Node ${machine.node}, ${seconds} s\n\n${formatTable(figures)}\n`);
  const misses = figures.filter((f) => verdictOf(f) === 'MISS');
  process.stdout.write(`\n${figures.filter((f) => f.target).length - misses.length} PASS, ${misses.length} MISS\n`);
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify({ at: new Date().toISOString(), seconds, quick: QUICK, settings: SETTINGS, machine,
    figures: figureRows(figures) }, null, 2)}\n`);
  process.stdout.write(`Written: ${path.relative(process.cwd(), RESULTS)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
