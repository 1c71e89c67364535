/**
 * The listening socket and its connections. Can stop listening and listen again on the same port, which is
 * what a Gateway restart looks like from the client: connection refused, then accepted again.
 */
import { createServer, type Server, type Socket } from 'node:net';

export class Listener {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private boundPort = 0;
  /** While frozen, every connection (old or new) is left unread. */
  private frozen = new Set<Socket>();
  private frozenUntil = 0;

  constructor(private readonly onConnection: (socket: Socket) => void) {}

  get port(): number {
    return this.boundPort;
  }

  get listening(): boolean {
    return this.server !== undefined;
  }

  listen(host: string, port: number): Promise<number> {
    if (this.server) return Promise.resolve(this.boundPort);
    const server = createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      this.onConnection(socket);
      if (Date.now() < this.frozenUntil) this.freeze(socket);
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host, port }, () => {
        server.off('error', reject);
        this.server = server;
        const address = server.address();
        this.boundPort = typeof address === 'object' && address ? address.port : port;
        resolve(this.boundPort);
      });
    });
  }

  /** Drops every connection at once (a network failure); keeps listening. */
  dropAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  /** Reads nothing from any connection, old or new, for `ms` (a hung Gateway: sockets open, no error, no answer). */
  freezeAll(ms: number): Promise<void> {
    this.frozenUntil = Date.now() + ms;
    for (const socket of this.sockets) this.freeze(socket);
    return new Promise((resolve) => setTimeout(() => {
      this.frozenUntil = 0;
      for (const socket of this.frozen) if (!socket.destroyed) socket.resume();
      this.frozen.clear();
      resolve();
    }, ms));
  }

  private freeze(socket: Socket): void {
    socket.pause();
    this.frozen.add(socket);
  }

  /** Drops every connection and stops listening; resolves once the port is released. */
  close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.dropAll();
    if (!server) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }
}
