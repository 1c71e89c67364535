import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Delivery {
  index: number;
  /** HTTP status, or null when no answer came (refused, reset, process killed). */
  status: number | null;
  body: any;
  error: string | null;
  /** performance.now() when the request was issued, and how long until the whole reply was read (ms). */
  sentAt: number;
  latencyMs: number;
}

export interface DeliveryOptions {
  /** Connections used at once; Infinity fires every request at the same moment, each on its own socket. */
  maxSockets?: number;
  /** Called as each reply (or failure) arrives, with how many have arrived so far. */
  onDelivery?: (delivery: Delivery, arrived: number) => void;
}

/** POSTs every body to /webhook concurrently and reports, per request, its status and acknowledgement latency. */
export async function deliverAll(baseUrl: string, bodies: string[], options: DeliveryOptions = {}): Promise<Delivery[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? Infinity });
  const target = new URL('/webhook', baseUrl);
  let arrived = 0;
  try {
    return await Promise.all(bodies.map((body, index) => new Promise<Delivery>((resolve) => {
      const sentAt = performance.now();
      let done = false;
      const finish = (status: number | null, text: string, error: string | null) => {
        if (done) return;
        done = true;
        let parsed: unknown = null;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          parsed = text;
        }
        const delivery = { index, status, body: parsed, error, sentAt, latencyMs: performance.now() - sentAt };
        options.onDelivery?.(delivery, ++arrived);
        resolve(delivery);
      };
      const req = http.request(target, {
        method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => finish(res.statusCode ?? null, text, null));
        res.on('error', (e) => finish(null, '', e.message));
      });
      req.on('error', (e) => finish(null, '', e.message));
      req.end(body);
    })));
  } finally {
    agent.destroy();
  }
}

/**
 * POSTs raw bytes with any content type (or none) on a connection of its own and reads the reply. A reply that
 * arrives while the body is still being sent (a 413 for 10 MB) counts: the write error that follows is the server
 * closing, not a failure. With `giveUpAfterMs` it behaves like TradingView: no reply by then → the connection is
 * closed and the status is null.
 */
export function postRaw(baseUrl: string, body: Buffer, contentType: string | null, giveUpAfterMs?: number): Promise<{ status: number | null; body: any }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-length': body.length };
    if (contentType !== null) headers['content-type'] = contentType;
    let replied = false;
    const req = http.request(new URL('/webhook', baseUrl), { method: 'POST', headers, agent: false }, (res) => {
      replied = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          /* not JSON: kept as text for the assertion to show */
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    let gaveUp = false;
    if (giveUpAfterMs !== undefined) {
      req.setTimeout(giveUpAfterMs, () => {
        gaveUp = true;
        req.destroy();
        resolve({ status: null, body: null });
      });
    }
    req.on('error', (error) => {
      if (replied || gaveUp) return; // the reply came first (the server stopped reading the rest), or we left
      reject(error);
    });
    req.end(body);
  });
}

/** How many orders the simulator holds for each alert (one pass: the simulator shares this event loop). */
export function ordersPerAlert(orders: ReadonlyArray<{ orderRef: string }>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { orderRef } of orders) {
    const id = alertIdOfOrderRef(orderRef);
    if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** The order reference Tradehook writes on every order (`TH-<alert id>-…`): which alert an IB order came from. */
export function alertIdOfOrderRef(orderRef: string): number | null {
  const match = /^TH-(\d+)-/.exec(orderRef);
  return match ? Number(match[1]) : null;
}
