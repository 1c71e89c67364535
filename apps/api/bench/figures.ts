import { IB_PACING_BUDGET, type BurstFigures } from './burst';
import type { IngestFigures } from './ingest';
import type { Figure } from './report';
import type { TradesFigures } from './trades';
import type { BundleFigures } from './web-bundle';
import type { WireFigures } from './wire-latency';

/** The targets, each next to the figure it judges. */
export function ingestFigures(rows: IngestFigures[]): Figure[] {
  const out: Figure[] = [];
  for (const r of rows) {
    const section = `ingest c=${r.concurrency}`;
    const gate = r.concurrency === 64;
    out.push(
      { section, name: 'API: durable alerts acknowledged', value: r.apiPerSecond, unit: '/s' },
      { section, name: 'ceiling: bare Fastify 200', value: r.barePerSecond, unit: '/s' },
      { section, name: 'ceiling: pgbench single-row INSERT', value: r.pgbenchPerSecond, unit: '/s' },
      { section, name: 'ratio API / pgbench', value: r.apiPerSecond / r.pgbenchPerSecond, unit: '×', digits: 2,
        ...(gate ? { target: { op: '>=', value: 1 } } : {}) },
      { section, name: 'ratio API / bare Fastify', value: r.apiPerSecond / r.barePerSecond, unit: '×', digits: 2 },
      // Above 1.0 × pgbench needs the empty handler itself well above it: the HTTP layer alone bounds the target.
      { section, name: 'ratio bare Fastify / pgbench (an empty handler)', value: r.barePerSecond / r.pgbenchPerSecond, unit: '×', digits: 2 },
      { section, name: 'reference: naive webhook (one INSERT per request)', value: r.naivePerSecond, unit: '/s' },
      { section, name: 'ratio naive / pgbench (the issue expects ≈ 0.9)', value: r.naivePerSecond / r.pgbenchPerSecond, unit: '×', digits: 2 },
      { section, name: 'ratio API / naive webhook', value: r.apiPerSecond / r.naivePerSecond, unit: '×', digits: 2 },
      { section, name: 'API latency p99', value: r.apiLatencyP99Ms, unit: 'ms' },
      { section, name: 'API non-2xx / errors', value: r.apiFailures, unit: '' },
      { section, name: 'CPU: API process', value: r.apiCpu.api, unit: '% of a core' },
      { section, name: 'CPU: PostgreSQL', value: r.apiCpu.postgres, unit: '% of a core' },
      { section, name: 'CPU: load generator + simulator', value: r.apiCpu.bench, unit: '% of a core' },
      { section, name: 'CPU: other processes (noise)', value: r.apiCpu.other, unit: '% of a core' },
      { section, name: 'CPU: idle', value: r.apiCpu.idle, unit: '% of a core' },
    );
  }
  return out;
}

export function burstFigures(b: BurstFigures): Figure[] {
  const section = `burst of ${b.alerts}`;
  return [
    { section, name: 'acknowledged 200 accepted', value: b.acknowledged, unit: '', target: { op: '=', value: b.alerts } },
    { section, name: 'ack latency p50', value: b.ack.p50Ms, unit: 'ms', digits: 1 },
    { section, name: 'ack latency p99', value: b.ack.p99Ms, unit: 'ms', digits: 1, target: { op: '<', value: 50 } },
    { section, name: 'ack latency max', value: b.ack.maxMs, unit: 'ms', digits: 1, target: { op: '<', value: 500 } },
    { section, name: '  of which inside the API p50', value: b.ackInsideApi.p50Ms, unit: 'ms', digits: 1 },
    { section, name: '  of which inside the API p99', value: b.ackInsideApi.p99Ms, unit: 'ms', digits: 1 },
    { section, name: '  of which inside the API max', value: b.ackInsideApi.maxMs, unit: 'ms', digits: 1 },
    { section, name: 'ceiling: bare Fastify, same burst p50', value: b.bareAck.p50Ms, unit: 'ms', digits: 1 },
    { section, name: 'ceiling: bare Fastify, same burst p99', value: b.bareAck.p99Ms, unit: 'ms', digits: 1 },
    { section, name: 'ceiling: bare Fastify, same burst max', value: b.bareAck.maxMs, unit: 'ms', digits: 1 },
    { section, name: 'connections dropped: listen queue full', value: b.listenOverflows, unit: '' },
    { section, name: 'orders at the simulator', value: b.ordersAtSimulator, unit: '', target: { op: '=', value: b.alerts } },
    { section, name: 'last order on the wire after', value: b.lastOrderAfterMs / 1000, unit: 's', digits: 1 },
    { section, name: 'order rate', value: b.orderRatePerSecond, unit: '/s', digits: 1 },
    { section, name: `order rate / ${IB_PACING_BUDGET} msg/s budget`, value: (100 * b.orderRatePerSecond) / IB_PACING_BUDGET, unit: '%', digits: 1,
      target: { op: '>=', value: 90 } },
    { section, name: 'all messages to IB / budget', value: (100 * b.messageRatePerSecond) / IB_PACING_BUDGET, unit: '%', digits: 1 },
    { section, name: 'IB error 100 (pacing violations)', value: b.pacingViolations, unit: '', target: { op: '=', value: 0 } },
    { section, name: 'API peak RSS during the burst', value: b.peakRssMb, unit: 'MB' },
    { section, name: 'API peak RSS since start', value: b.lifetimePeakRssMb, unit: 'MB' },
  ];
}

export function wireFigures(w: WireFigures): Figure[] {
  const section = `alert → order on the wire (${w.samples}, unqueued)`;
  return [
    { section, name: 'p50', value: w.p50Ms, unit: 'ms', digits: 2, target: { op: '<', value: 2 } },
    { section, name: 'p99', value: w.p99Ms, unit: 'ms', digits: 2, target: { op: '<', value: 10 } },
    { section, name: 'max', value: w.maxMs, unit: 'ms', digits: 2 },
    { section, name: '  received → claim starts p50 (intake + alert commit)', value: w.toClaimP50Ms, unit: 'ms', digits: 2 },
    { section, name: '  claim starts → on the wire p50 (order-row commit)', value: w.claimToWireP50Ms, unit: 'ms', digits: 2 },
    { section, name: 'floor: the 2 commits alone, back to back p50', value: w.floor.backToBack.bothP50Ms, unit: 'ms', digits: 2 },
    { section, name: `floor: the 2 commits alone, ${w.gapMs} ms idle between p50`, value: w.floor.withGaps.bothP50Ms, unit: 'ms', digits: 2 },
    { section, name: `floor: the 2 commits alone, ${w.gapMs} ms idle between p99`, value: w.floor.withGaps.bothP99Ms, unit: 'ms', digits: 2 },
    { section, name: '  of which the alert commit (first after idle)', value: w.floor.withGaps.alertCommitP50Ms, unit: 'ms', digits: 2 },
  ];
}

export function tradesFigures(t: TradesFigures): Figure[] {
  const section = `trades at ${(t.executions / 1e6).toFixed(2)}M executions`;
  const out: Figure[] = [{ section, name: 'bulk load (generate_series)', value: t.loadSeconds, unit: 's', digits: 1 }];
  for (const e of t.endpoints) {
    out.push(
      { section, name: `${e.path} p50`, value: e.p50Ms, unit: 'ms', digits: 2 },
      { section, name: `${e.path} p95`, value: e.p95Ms, unit: 'ms', digits: 2, target: { op: '<', value: 20 } },
    );
  }
  return out;
}

export function bundleFigures(b: BundleFigures): Figure[] {
  const section = 'web bundle (gzip)';
  return [
    { section, name: 'initial JS (the web build\'s own budget)', value: b.initialGzipKb, unit: 'kB', digits: 1, target: { op: '<=', value: b.budgetKb } },
    ...b.chunks.filter((c) => !c.initial).map((c) => ({ section, name: `lazy ${c.file}`, value: c.gzipKb, unit: 'kB', digits: 1 })),
  ];
}
