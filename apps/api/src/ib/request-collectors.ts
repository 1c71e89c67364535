export type CollectorKind = 'openOrders' | 'completedOrders' | 'executions' | 'contractDetails';

interface Collector {
  kind: CollectorKind;
  reqId?: number;
  items: unknown[];
  done(): void;
  fail(error: Error): void;
}

/**
 * IB answers a list request (open orders, completed orders, executions) with one message per item and an end
 * message; this gathers the items of each request in flight until its end, an error for its id, a drop or a timeout.
 */
export class RequestCollectors {
  private readonly open = new Set<Collector>();

  constructor(private readonly timeoutMs = 15_000) {}

  /** Sends the request (`send` answers false when it could not) and resolves with what IB listed. */
  collect<T>(kind: CollectorKind, send: () => Promise<boolean>, reqId?: number): Promise<T[]> {
    return new Promise<T[]>((resolve, reject) => {
      const collector: Collector = {
        kind, reqId, items: [],
        done: () => { clearTimeout(timer); this.open.delete(collector); resolve(collector.items as T[]); },
        fail: (e) => { clearTimeout(timer); this.open.delete(collector); reject(e); },
      };
      const timer = setTimeout(() => collector.fail(new Error(`IB did not finish ${kind} within ${this.timeoutMs / 1000} s`)), this.timeoutMs);
      this.open.add(collector);
      void send().then((sent) => sent || collector.fail(new Error(`not connected: ${kind} not sent`)));
    });
  }

  /** An item IB reported; requests without an id take every item of their kind. */
  add(kind: CollectorKind, item: unknown, reqId?: number): void {
    for (const c of this.open) if (this.matches(c, kind, reqId)) c.items.push(item);
  }

  finish(kind: CollectorKind, reqId?: number): void {
    for (const c of [...this.open]) if (this.matches(c, kind, reqId)) c.done();
  }

  /** IB's error for a request id: true when it belonged to a collection (which then fails with it). */
  failRequest(reqId: number, error: Error): boolean {
    const collector = [...this.open].find((c) => c.reqId !== undefined && c.reqId === reqId);
    collector?.fail(error);
    return collector !== undefined;
  }

  failAll(reason: string): void {
    for (const c of [...this.open]) c.fail(new Error(`connection dropped: ${reason}`));
  }

  private matches(c: Collector, kind: CollectorKind, reqId?: number): boolean {
    return c.kind === kind && (reqId === undefined || c.reqId === reqId);
  }
}
