/**
 * Test harness: a simulator plus real @stoqey/ib clients over real sockets. Every client records every event
 * it emits, so a test can wait for something that may already have happened; cleanUp() fails the test if
 * any client saw a protocol error (code 505: underrun, leftover fields, unknown message id).
 */
import { type Contract, EventName, IBApi, type Order, OrderAction, OrderType, SecType } from '@stoqey/ib';
import { IbSimulator, type SimulatorOptions } from '../../src';

export const WAIT_MS = 3_000;

type Args = unknown[];
interface LoggedEvent {
  name: string;
  args: Args;
}

export interface ClientError {
  message: string;
  code: number;
  reqId: number;
}

export class TestClient {
  readonly api: IBApi;
  private readonly log: LoggedEvent[] = [];
  private readonly waiters = new Set<(entry: LoggedEvent) => void>();

  constructor(port: number, maxReqPerSec = 40) {
    this.api = new IBApi({ host: '127.0.0.1', port, maxReqPerSec });
    // The client re-emits every event (errors and connection events included) as `all`.
    this.api.on(EventName.all, (name: string, args: Args) => this.record(name, args));
  }

  /** Connects and resolves with nextValidId. */
  async connect(clientId: number): Promise<number> {
    const seen = this.count(EventName.nextValidId);
    this.api.connect(clientId);
    const [orderId] = await this.waitFor(EventName.nextValidId, () => true, { skip: seen });
    return orderId as number;
  }

  disconnect(): void {
    if (this.api.isConnected) this.api.disconnect();
  }

  /** A position in the event log, for sequenceSince(). */
  mark(): number {
    return this.log.length;
  }

  /** The names of the given events recorded since `mark`, in arrival order. */
  sequenceSince(mark: number, names: readonly EventName[]): string[] {
    return this.log.slice(mark).filter((entry) => (names as readonly string[]).includes(entry.name)).map((entry) => entry.name);
  }

  /** Every recorded emission of an event, oldest first. */
  events(name: EventName): Args[] {
    return this.log.filter((entry) => entry.name === name).map((entry) => entry.args);
  }

  count(name: EventName): number {
    return this.events(name).length;
  }

  errors(): ClientError[] {
    return this.events(EventName.error).map(([error, code, reqId]) => ({
      message: (error as Error).message,
      code: code as number,
      reqId: reqId as number,
    }));
  }

  infoCodes(): number[] {
    return this.events(EventName.info).map(([, code]) => code as number);
  }

  /**
   * Resolves with the args of the first matching emission, past or future (after skipping `skip` matches);
   * rejects after a bounded wait.
   */
  waitFor(name: EventName, predicate: (...args: any[]) => boolean = () => true, options: { skip?: number; timeoutMs?: number } = {}): Promise<Args> {
    let toSkip = options.skip ?? 0;
    const matches = (entry: LoggedEvent) => entry.name === name && predicate(...entry.args) && toSkip-- <= 0;
    const past = this.log.find(matches);
    if (past) return Promise.resolve(past.args);
    return new Promise((resolve, reject) => {
      const waiter = (entry: LoggedEvent) => {
        if (!matches(entry)) return;
        this.waiters.delete(waiter);
        clearTimeout(timer);
        resolve(entry.args);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${name}; saw: ${this.log.map((e) => e.name).join(', ')}`));
      }, options.timeoutMs ?? WAIT_MS);
      this.waiters.add(waiter);
    });
  }

  /** Errors that mean the simulator wrote a message the client could not decode. */
  protocolErrors(): ClientError[] {
    return this.errors().filter((e) => e.code === 505 || /underrun|decoding error|unprocessed data|no parser/i.test(e.message));
  }

  private record(name: string, args: Args): void {
    const entry = { name, args };
    this.log.push(entry);
    for (const waiter of [...this.waiters]) waiter(entry);
  }
}

/** Owns the simulators and clients of one test and tears them down. */
export class TestEnv {
  private readonly simulators: IbSimulator[] = [];
  private readonly clients: TestClient[] = [];

  async simulator(options: SimulatorOptions = {}): Promise<IbSimulator> {
    const simulator = new IbSimulator({ walk: false, seed: 42, ...options });
    this.simulators.push(simulator);
    await simulator.start();
    return simulator;
  }

  client(port: number, maxReqPerSec?: number): TestClient {
    const client = new TestClient(port, maxReqPerSec);
    this.clients.push(client);
    return client;
  }

  /** Tears everything down, then fails if any client saw a protocol error. */
  async cleanUp(): Promise<void> {
    for (const client of this.clients) client.disconnect();
    await Promise.all(this.simulators.map((simulator) => simulator.stop()));
    const problems = this.clients.flatMap((client) => client.protocolErrors());
    this.clients.length = 0;
    this.simulators.length = 0;
    if (problems.length) throw new Error(`client reported protocol errors: ${JSON.stringify(problems)}`);
  }
}

export function stock(symbol: string): Contract {
  return { symbol, secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
}

export function marketOrder(action: OrderAction, totalQuantity: number, extra: Partial<Order> = {}): Order {
  return { action, orderType: OrderType.MKT, totalQuantity, transmit: true, ...extra };
}

export function limitOrder(action: OrderAction, totalQuantity: number, lmtPrice: number, extra: Partial<Order> = {}): Order {
  return { action, orderType: OrderType.LMT, totalQuantity, lmtPrice, transmit: true, ...extra };
}

export function stopOrder(action: OrderAction, totalQuantity: number, auxPrice: number, extra: Partial<Order> = {}): Order {
  return { action, orderType: OrderType.STP, totalQuantity, auxPrice, transmit: true, ...extra };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
