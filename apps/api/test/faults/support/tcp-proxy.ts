import net from 'node:net';

/**
 * A TCP forwarder the test controls, standing between the API and PostgreSQL: `down()` cuts every connection
 * and refuses new ones (as a stopped server or a lost link does), `stall()` silently stops passing bytes (a
 * network black hole: no error, no reply), `up()` accepts and forwards again on the same port.
 * The machine's shared PostgreSQL server itself is never touched.
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly pairs = new Set<net.Socket>();
  private boundPort = 0;
  private stalled = false;

  constructor(private readonly target: { host: string; port: number }) {}

  get port(): number {
    return this.boundPort;
  }

  /** Listens (on a free port the first time, on the same one after down()). */
  up(): Promise<number> {
    this.stalled = false;
    for (const socket of this.pairs) socket.resume();
    if (this.server) return Promise.resolve(this.boundPort);
    const server = net.createServer((client) => this.forward(client));
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port: this.boundPort }, () => {
        this.server = server;
        this.boundPort = (server.address() as net.AddressInfo).port;
        resolve(this.boundPort);
      });
    });
  }

  /** Cuts every open connection and stops listening: new connections are refused. */
  down(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.pairs) socket.destroy();
    return server ? new Promise((resolve) => server.close(() => resolve())) : Promise.resolve();
  }

  /** Keeps every connection open but passes no more bytes, either way, on old or new connections. */
  stall(): void {
    this.stalled = true;
    for (const socket of this.pairs) socket.pause();
  }

  /** PostgreSQL URL `url` rewritten to go through this proxy. */
  urlFor(url: string): string {
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(this.boundPort);
    return proxied.toString();
  }

  private forward(client: net.Socket): void {
    const upstream = net.connect(this.target);
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      this.pairs.add(from);
      from.pipe(to);
      if (this.stalled) from.pause();
      from.on('error', () => to.destroy());
      from.on('close', () => {
        this.pairs.delete(from);
        to.destroy();
      });
    }
  }
}
