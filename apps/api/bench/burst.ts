import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { alertIdOfOrderRef, deliverAll, type Delivery } from '../test/faults/support/alert-client';
import { sleep, until } from '../test/faults/support/wait';
import { receivedAtOf } from './alert-times';
import type { BenchStack } from './bench-stack';
import { percentile } from './stats';

/** IB's limit: client messages in any sliding second. */
export const IB_PACING_BUDGET = 50;

export interface Spread {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface BurstFigures {
  alerts: number;
  acknowledged: number;
  /** Request issued → whole reply read, as the sender sees it. */
  ack: Spread;
  /** The API's part of it: the alert's received_at → reply read (the rest is connecting and queueing). */
  ackInsideApi: Spread;
  /** The same burst against a bare Fastify handler answering 200: what connecting and HTTP alone cost here. */
  bareAck: Spread;
  ordersAtSimulator: number;
  /** From the first request leaving to the last order decoded by the simulator. */
  lastOrderAfterMs: number;
  /** Orders per second between the first and the last order on the wire. */
  orderRatePerSecond: number;
  /** Every client message the simulator received per second over the same span (orders and anything else). */
  messageRatePerSecond: number;
  pacingViolations: number;
  /** Connections the kernel dropped because the listen queue was full (each costs the sender a 1 s SYN retry). */
  listenOverflows: number;
  /** The API process's resident memory, highest sampled (every 20 ms) from the burst to its last order. */
  peakRssMb: number;
  /** The kernel's high-water mark for the process since it started (start-up included). */
  lifetimePeakRssMb: number;
}

const spread = (samples: number[]): Spread =>
  ({ p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), maxMs: Math.max(...samples) });

const finishedAt = (d: Delivery) => performance.timeOrigin + d.sentAt + d.latencyMs;

/** The kernel's count of connections refused for a full accept queue (TcpExt ListenOverflows, machine-wide). */
function listenOverflows(): number {
  const [names, values] = readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((l) => l.startsWith('TcpExt:'));
  const index = names.split(/\s+/).indexOf('ListenOverflows');
  return Number(values.split(/\s+/)[index]);
}

/** Steady state first: JIT, pools and caches warm, as in a process that has been running (outside the figures). */
async function warmUp(stack: BenchStack, bareUrl: string, bodyOf: (i: number) => string): Promise<void> {
  const bodies = Array.from({ length: 100 }, (_, i) => bodyOf(i));
  await deliverAll(bareUrl, bodies, { maxSockets: 16 });
  await deliverAll(stack.api.url, bodies, { maxSockets: 16 });
  await until(() => stack.sim.orders.length >= bodies.length, 'the warm-up orders', 30_000, 50);
  await sleep(1_100); // an empty pacing window
}

/**
 * 1,000 distinct alerts fired at the same moment, each on its own connection (as TradingView's would arrive):
 * how fast every one is acknowledged, and how close to IB's pacing budget the orders then go out.
 */
export async function measureBurst(stack: BenchStack, bareUrl: string, count: number, bodyOf: (kind: string, i: number) => string): Promise<BurstFigures> {
  const { api, sim } = stack;
  await warmUp(stack, bareUrl, (i) => bodyOf('warm', i));
  const bodies = Array.from({ length: count }, (_, i) => bodyOf('burst', i));
  const bare = await deliverAll(bareUrl, bodies);
  await sleep(500);

  let sampledRssKb = 0;
  const sampler = setInterval(() => (sampledRssKb = Math.max(sampledRssKb, api.memoryKb().rss)), 20);
  const messagesBefore = sim.stats.messagesReceived;
  const violationsBefore = sim.stats.pacingViolations;
  const overflowsBefore = listenOverflows();
  const startedAt = performance.timeOrigin + performance.now();
  try {
    const replies = await deliverAll(api.url, bodies);
    const overflows = listenOverflows() - overflowsBefore;
    const accepted = replies.filter((r) => r.status === 200 && r.body?.status === 'accepted');
    const ids = new Set(accepted.map((r) => r.body.id as number));
    const ours = () => sim.orders.filter((o) => ids.has(alertIdOfOrderRef(o.orderRef) ?? -1));
    // 1,000 orders at 48/s take ≈ 21 s; the bound only stops a broken run.
    await until(() => ours().length >= ids.size, 'every acknowledged alert to reach the simulator', 120_000, 50);
    const messagesAtEnd = sim.stats.messagesReceived;
    clearInterval(sampler);

    const orders = ours().sort((a, b) => a.receivedAt - b.receivedAt);
    const spanSeconds = (orders[orders.length - 1].receivedAt - orders[0].receivedAt) / 1000;
    const received = await receivedAtOf(stack.db.url, [...ids]);
    return {
      alerts: count,
      acknowledged: ids.size,
      ack: spread(replies.map((r) => r.latencyMs)),
      ackInsideApi: spread(accepted.map((r) => finishedAt(r) - received.get(r.body.id)!)),
      bareAck: spread(bare.map((r) => r.latencyMs)),
      ordersAtSimulator: orders.length,
      lastOrderAfterMs: orders[orders.length - 1].receivedAt - startedAt,
      orderRatePerSecond: (orders.length - 1) / spanSeconds,
      messageRatePerSecond: (messagesAtEnd - messagesBefore) / spanSeconds,
      pacingViolations: sim.stats.pacingViolations - violationsBefore,
      listenOverflows: overflows,
      peakRssMb: sampledRssKb / 1024,
      lifetimePeakRssMb: api.memoryKb().peak / 1024,
    };
  } finally {
    clearInterval(sampler);
  }
}
