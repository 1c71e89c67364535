import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/data-source';
import { AlertWriter, type AlertRecord } from '../src/ingest/alert-writer';
import { isoMicros, preciseNow } from '../src/ingest/time';
import { inferContract } from '../src/orders/contract-resolver';
import { insertOrderForAlert } from '../src/orders/order-placement';
import { sleep } from '../test/faults/support/wait';
import { percentile } from './stats';

export interface CommitFloor {
  /** The alert's durable write (ingest_alerts, one row), p50. */
  alertCommitP50Ms: number;
  /** The claim + order row's durable write (insertOrderForAlert), p50. */
  orderCommitP50Ms: number;
  /** Both, one after the other: what any alert → order path on this database costs at least, p50. */
  bothP50Ms: number;
  /** The same, p99: the floor under the wire latency's p99. */
  bothP99Ms: number;
}

/** A client id of its own: these rows never meet the running API's order ids, reconcile or dispatch. */
const FLOOR_CLIENT_ID = 99;

/**
 * The two durable steps every order needs before placeOrder — the alert committed, then its order row — run by
 * the product's own code (AlertWriter, insertOrderForAlert) straight on the database: no HTTP, no dispatch, no IB.
 * `gapMs` idles between pairs as isolated alerts do: on a VM, waking idle processes costs the first query dearly.
 */
export async function measureCommitFloor(databaseUrl: string, samples: number, gapMs: number): Promise<CommitFloor> {
  const db = await openDatabase({ url: databaseUrl, poolSize: 2 });
  const writer = new AlertWriter(db, { duplicateWindowSeconds: () => 10, disown: () => undefined, warn: () => undefined }, () => undefined);
  const contract = inferContract({ symbol: 'SPY', exchange: 'NYSE', secType: null, currency: null }, new Date());
  const alertSteps: number[] = [];
  const orderSteps: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      const { id } = await writer.write(floorAlert(`${gapMs}-${i}`));
      const written = performance.now();
      await insertOrderForAlert(db, id, 900_000_000 + gapMs * samples + i, FLOOR_CLIENT_ID, contract,
        { side: 'BUY', quantity: '1', orderType: 'MKT', limitPrice: null, stopPrice: null, tif: 'DAY', orderRef: `TH-floor-${gapMs}-${i}` });
      alertSteps.push(written - started);
      orderSteps.push(performance.now() - written);
      if (gapMs) await sleep(gapMs);
    }
  } finally {
    await db.destroy();
  }
  return {
    alertCommitP50Ms: percentile(alertSteps, 50),
    orderCommitP50Ms: percentile(orderSteps, 50),
    bothP50Ms: percentile(alertSteps.map((a, i) => a + orderSteps[i]), 50),
    bothP99Ms: percentile(alertSteps.map((a, i) => a + orderSteps[i]), 99),
  };
}

function floorAlert(i: string): AlertRecord {
  const raw = `{"stratName":"Floor","symbol":"SPY","price":500.25,"direction":"BUY","alertId":"floor-${i}"}`;
  return {
    received_at: isoMicros(preciseNow()), client_ip: '127.0.0.1', strategy: 'Floor', symbol: 'SPY', exchange: 'NYSE',
    price: '500.25', direction: 'BUY', quantity: '1', order_type: null, limit_price: null, stop_price: null, tif: null,
    sec_type: null, currency: null, alert_text: null, external_id: `floor-${i}`, raw_body: raw, body_hash: null,
    idempotency_key: JSON.stringify(['Floor', `floor-${i}`]), status: 'accepted', reason: null, http_status: 200,
  };
}
