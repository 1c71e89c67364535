import type { Server, Socket } from 'node:net';

/**
 * Caps the connections one address may hold open: without it a single client opening a few thousand keep-alive
 * sockets fills HTTP_MAX_CONNECTIONS and TradingView's next alert is refused. This machine (a reverse proxy in front
 * of us, the benchmarks) and TRUSTED_PROXIES are exempt: behind a proxy, the proxy is the one to limit clients.
 */
export function limitConnectionsPerAddress(server: Server, max: number, exempt: string[]): void {
  const exempted = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1', ...exempt]);
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress;
    if (!address || exempted.has(address)) return;
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
