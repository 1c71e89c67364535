import http from 'node:http';
import net from 'node:net';
import { startTestStack, type TestStack } from '../support/stack';
import { rawRequest } from './support/raw-http';

/** A raw socket sending `head` and then one byte every `everyMs`; resolves with how long the server let it live. */
function trickle(url: string, head: string, everyMs: number, maxMs: number): Promise<{ closedAfterMs: number; reply: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    let reply = '';
    const socket = net.connect(Number(port), hostname, () => socket.write(head));
    const drip = setInterval(() => socket.writable && socket.write('x'), everyMs);
    const giveUp = setTimeout(() => socket.destroy(), maxMs);
    socket.on('data', (d) => { reply += String(d); });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(drip);
      clearTimeout(giveUp);
      resolve({ closedAfterMs: Date.now() - started, reply });
    });
  });
}

/** Opens GET /api/events with a cookie; resolves with the status and a promise of the stream's end. */
function openStream(url: string, cookie: string): Promise<{ status: number; ended: Promise<void>; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/api/events`, { headers: { cookie } }, (res) => {
      const ended = new Promise<void>((done) => res.on('close', () => done()));
      res.resume();
      resolve({ status: res.statusCode ?? 0, ended, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

const within = <T>(promise: Promise<T>, ms: number, what: string) => Promise.race([
  promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)),
]);

describe('limits on connections', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: {
      HTTP_REQUEST_TIMEOUT_MS: '1500', HTTP_MAX_CONNECTIONS: '20', HTTP_MAX_CONNECTIONS_PER_ADDRESS: '5', EVENT_STREAMS_PER_SESSION: '2',
    } });
  });
  afterAll(() => stack.close());

  it('cuts off a body trickled byte by byte (slowloris) after the request timeout', async () => {
    const head = 'POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{';
    const { closedAfterMs, reply } = await trickle(stack.url, head, 200, 15_000);
    expect(closedAfterMs).toBeLessThan(5_000);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
  });

  it('cuts off headers that never finish', async () => {
    const { closedAfterMs } = await trickle(stack.url, 'GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ', 200, 15_000);
    expect(closedAfterMs).toBeLessThan(5_000);
  });

  it('refuses connections beyond the maximum, and serves again once they close', async () => {
    const { port } = new URL(stack.url);
    const sockets = await Promise.all(Array.from({ length: 30 }, () => new Promise<net.Socket>((resolve) => {
      const s = net.connect(Number(port), '127.0.0.1', () => resolve(s));
      s.on('error', () => {});
    })));
    await new Promise((r) => setTimeout(r, 200));
    const refused = sockets.filter((s) => s.destroyed || s.readableEnded).length;
    expect(refused).toBeGreaterThanOrEqual(10);
    sockets.forEach((s) => s.destroy());
    await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`${stack.url}/health`)).status).toBe(200);
  });

  it('lets one address hold only a few connections (this machine exempt: a local proxy, the benchmarks)', async () => {
    const { port } = new URL(stack.url);
    // 127.0.0.2 is this machine's loopback too, but not the exempt 127.0.0.1: it stands for a remote client.
    const sockets = await Promise.all(Array.from({ length: 10 }, () => new Promise<net.Socket>((resolve) => {
      const s = net.connect({ port: Number(port), host: '127.0.0.1', localAddress: '127.0.0.2' }, () => resolve(s));
      s.on('error', () => {});
    })));
    await new Promise((r) => setTimeout(r, 200));
    expect(sockets.filter((s) => s.destroyed || s.readableEnded).length).toBe(5);
    expect((await fetch(`${stack.url}/health`)).status).toBe(200);
    sockets.forEach((s) => s.destroy());
  });

  it('closes a kept-alive socket that asks nothing more within 5 s', async () => {
    const { port } = new URL(stack.url);
    const started = Date.now();
    const closedAfter = await new Promise<number>((resolve) => {
      const s = net.connect(Number(port), '127.0.0.1', () => s.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n'));
      s.on('data', () => {});
      s.on('close', () => resolve(Date.now() - started));
    });
    expect(closedAfter).toBeGreaterThanOrEqual(4_000);
    expect(closedAfter).toBeLessThan(9_000);
  });

  it('lets a session hold only a few live event streams', async () => {
    const cookie = await stack.login('admin', 'admin-password-for-tests');
    const [a, b] = [await openStream(stack.url, cookie), await openStream(stack.url, cookie)];
    expect([a.status, b.status]).toEqual([200, 200]);
    const third = await openStream(stack.url, cookie);
    expect(third.status).toBe(429);
    a.close();
    await a.ended;
    await new Promise((r) => setTimeout(r, 50));
    const again = await openStream(stack.url, cookie);
    expect(again.status).toBe(200);
    b.close();
    again.close();
  });

  it('closes a session\'s streams when it signs out', async () => {
    const cookie = await stack.login('admin', 'admin-password-for-tests');
    const stream = await openStream(stack.url, cookie);
    expect(stream.status).toBe(200);
    await stack.fetch('/api/auth/logout', { method: 'POST', cookie });
    await within(stream.ended, 2_000, 'stream closed on logout');
  });

  it('closes a user\'s streams when the password is changed', async () => {
    await stack.running.services.users.upsert('viewer', 'viewer-password-1', 'viewer');
    const cookie = await stack.login('viewer', 'viewer-password-1');
    const stream = await openStream(stack.url, cookie);
    expect(stream.status).toBe(200);
    const [viewer] = await stack.query("SELECT id FROM users WHERE username = 'viewer'");
    const res = await stack.fetch(`/api/admin/users/${viewer.id}`, { method: 'PUT', body: JSON.stringify({ password: 'a-new-password-2' }) });
    expect(res.status).toBe(200);
    await within(stream.ended, 10_000, 'stream closed after the password change');
  });
});

describe('/metrics without METRICS_TOKEN', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  it('answers this machine only, not a request relayed by a proxy', async () => {
    expect((await fetch(`${stack.url}/metrics`)).status).toBe(200);
    const relayed = await fetch(`${stack.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(relayed.status).toBe(403);
    expect(((await relayed.json()) as { message: string }).message).toMatch(/METRICS_TOKEN/);
    expect((await fetch(`${stack.url}/metrics`, { headers: { forwarded: 'for=203.0.113.9' } })).status).toBe(403);
    for (const header of ['x-real-ip', 'via', 'x-forwarded-host']) {
      expect([header, (await fetch(`${stack.url}/metrics`, { headers: { [header]: '203.0.113.9' } })).status]).toEqual([header, 403]);
    }
    // A DNS-rebinding page: same loopback peer, someone else's host name.
    const rebound = await rawRequest(stack.url, 'GET', '/metrics', { headers: { host: 'evil.example:3000' } });
    expect(rebound.status).toBe(403);
    expect((await rawRequest(stack.url, 'GET', '/metrics', { headers: { host: 'localhost:3000' } })).status).toBe(200);
  });

  it('counts in PostgreSQL once for a burst of scrapes, not once per scrape', async () => {
    const scans = async () => {
      await new Promise((r) => setTimeout(r, 1_200)); // PostgreSQL publishes table statistics about once a second
      const [row] = await stack.query("SELECT seq_scan + coalesce(idx_scan, 0) AS n FROM pg_stat_user_tables WHERE relname = 'alerts'");
      return Number(row.n);
    };
    await fetch(`${stack.url}/metrics`);
    const before = await scans();
    const statuses = await Promise.all(Array.from({ length: 30 }, async () => (await fetch(`${stack.url}/metrics`)).status));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(await scans() - before).toBeLessThan(10); // 30 uncached scrapes would scan it 30 times; the rest is background work
  });
});
