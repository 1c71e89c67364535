import autocannon from 'autocannon';
import { withCpuShare, type CpuShare } from './cpu';
import { insertCeiling } from './pgbench';

export interface IngestFigures {
  concurrency: number;
  /** Durable, acknowledged alerts per second (200 replies only). */
  apiPerSecond: number;
  apiLatencyP99Ms: number;
  apiFailures: number;
  /** Where the machine's CPU went while the API was loaded. */
  apiCpu: CpuShare;
  /** A bare Fastify handler answering 200: the HTTP ceiling. */
  barePerSecond: number;
  /** pgbench single-row INSERT transactions per second: the database's commit ceiling. */
  pgbenchPerSecond: number;
  /** The naive webhook (bench/naive-server.ts): Fastify + one INSERT per request, nothing else. */
  naivePerSecond: number;
}

async function hammer(url: string, bodyOf: (n: number) => string, connections: number, seconds: number) {
  let n = 0;
  const result = await autocannon({
    url: `${url}/webhook`, method: 'POST', headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: bodyOf(n++) }) }],
    connections, duration: seconds, timeout: 10,
  });
  return {
    perSecond: result['2xx'] / result.duration,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * Webhook ingest side by side with its two ceilings, at each concurrency. Every alert is distinct (its own
 * alertId), so each one is a new durable row, never a duplicate; pgbench inserts a body of the same size.
 */
export async function measureIngest(opts: {
  apiUrl: string; apiCpuMs: () => number; bareUrl: string; naiveUrl: string; databaseUrl: string;
  /** A valid alert whose alertId is `key` (every key is used once). */
  bodyOf: (key: string) => string;
  concurrencies: number[]; seconds: number;
}): Promise<IngestFigures[]> {
  const { apiUrl, bareUrl, naiveUrl, databaseUrl, seconds, bodyOf } = opts;
  // Warm-up: JIT, connection pools and the database's caches, outside the figures.
  await hammer(bareUrl, (n) => bodyOf(`bare-${n}`), 16, 1);
  await hammer(naiveUrl, (n) => bodyOf(`naive-${n}`), 16, 1);
  await hammer(apiUrl, (n) => bodyOf(`warm-${n}`), 16, 2);
  const figures: IngestFigures[] = [];
  for (const concurrency of opts.concurrencies) {
    const bare = await hammer(bareUrl, (n) => bodyOf(`bare-${n}`), concurrency, seconds);
    const naive = await hammer(naiveUrl, (n) => bodyOf(`naive-${n}`), concurrency, seconds);
    const { result: api, cpu } = await withCpuShare(opts.apiCpuMs,
      () => hammer(apiUrl, (n) => bodyOf(`c${concurrency}-${n}`), concurrency, seconds));
    const pgbench = await insertCeiling(databaseUrl, concurrency, seconds, bodyOf('pgbench'));
    figures.push({
      concurrency, apiPerSecond: api.perSecond, apiLatencyP99Ms: api.p99Ms, apiFailures: api.failures, apiCpu: cpu,
      barePerSecond: bare.perSecond, pgbenchPerSecond: pgbench, naivePerSecond: naive.perSecond,
    });
  }
  return figures;
}
