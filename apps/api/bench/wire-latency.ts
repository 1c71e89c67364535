import type { SimOrder } from '@tradehook/ib-simulator';
import { alertIdOfOrderRef, deliverAll } from '../test/faults/support/alert-client';
import { sleep, until } from '../test/faults/support/wait';
import { orderClaimedAtOf, receivedAtOf } from './alert-times';
import { measureCommitFloor, type CommitFloor } from './commit-floor';
import type { BenchStack } from './bench-stack';
import { percentile } from './stats';

export interface WireFigures {
  samples: number;
  gapMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** received → the claim transaction starts: intake, the alert's durable commit, dispatch (p50). */
  toClaimP50Ms: number;
  /** claim starts → on the wire: the order row's durable commit, pacing, the socket (p50). */
  claimToWireP50Ms: number;
  /** The two durable commits alone, by the product's code without HTTP or dispatch: back to back, and idling
   * between pairs as these alerts do. */
  floor: { backToBack: CommitFloor; withGaps: CommitFloor };
}

/**
 * Alert → order on the wire when nothing queues: one alert at a time, the next only after the previous order
 * reached the simulator plus a gap, far below the pacing budget. Latency = the simulator's decode time of
 * placeOrder minus the alert's received_at as stored (both epoch ms with µs precision, same machine clock).
 */
export async function measureWireLatency(stack: BenchStack, samples: number, gapMs: number, bodyOf: (i: number) => string): Promise<WireFigures> {
  const { api, sim } = stack;
  const placed = new Map<number, SimOrder>();
  const onPlace = (order: SimOrder) => {
    const alertId = alertIdOfOrderRef(order.orderRef);
    if (alertId !== null) placed.set(alertId, order);
  };
  sim.on('placeOrder', onPlace);
  const ids: number[] = [];
  try {
    await sleep(1_100); // an empty pacing window: whatever ran before cannot delay these
    for (let i = 0; i < samples; i++) {
      const [reply] = await deliverAll(api.url, [bodyOf(i)]);
      if (reply.status !== 200) throw new Error(`alert ${i} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
      const id = reply.body.id as number;
      ids.push(id);
      await until(() => placed.has(id), `the order of alert ${id}`, 5_000, 1);
      await sleep(gapMs);
    }
  } finally {
    sim.off('placeOrder', onPlace);
  }
  const received = await receivedAtOf(stack.db.url, ids);
  const claimed = await orderClaimedAtOf(stack.db.url, ids);
  const latencies = ids.map((id) => placed.get(id)!.receivedAt - received.get(id)!);
  return {
    samples: latencies.length, gapMs, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), maxMs: Math.max(...latencies),
    toClaimP50Ms: percentile(ids.map((id) => claimed.get(id)! - received.get(id)!), 50),
    claimToWireP50Ms: percentile(ids.map((id) => placed.get(id)!.receivedAt - claimed.get(id)!), 50),
    floor: {
      backToBack: await measureCommitFloor(stack.db.url, samples, 0),
      withGaps: await measureCommitFloor(stack.db.url, samples, gapMs),
    },
  };
}
