import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { sessionCookie } from '../../src/auth/session-cookie';
import type { SessionStore } from '../../src/auth/sessions';
import { accessPlugin, type RouteAccess } from '../../src/plugins/access';
import { startTestStack, type TestStack } from '../support/stack';
import { concretePath, pathSpellings, rawRequest, type RawResponse } from './support/raw-http';

/**
 * Generated from the route table: every route that is not public, under every spelling of its path, anonymously and
 * (admin routes) as a viewer. None may reach its handler — the attack that created an admin with POST /%61pi/admin/users.
 */
describe('access is decided on the matched route', () => {
  let stack: TestStack;
  let viewerCookie: string;
  let routes: RouteAccess[];
  beforeAll(async () => {
    stack = await startTestStack();
    await stack.running.services.users.upsert('viewer', 'viewer-password-1', 'viewer');
    viewerCookie = await stack.login('viewer', 'viewer-password-1');
    routes = stack.running.app.routeAccess;
  });
  afterAll(() => stack.close());

  const attempt = (method: string, path: string, cookieHeader?: string) => rawRequest(stack.url, method, path, {
    headers: { 'content-type': 'application/json', ...(cookieHeader ? { cookie: cookieHeader } : {}) },
    body: ['GET', 'HEAD'].includes(method) ? undefined : '{"username":"x","role":"admin","password":"Xx-123456789"}',
  });

  it('every route declares its access, and the table covers the API', () => {
    expect(routes.every((r) => ['public', 'signed-in', 'admin'].includes(r.access!))).toBe(true);
    const publicRoutes = routes.filter((r) => r.access === 'public' && r.url.startsWith('/api'));
    expect(publicRoutes.map((r) => `${r.method} ${r.url}`).sort()).toEqual(['POST /api/auth/login', 'POST /api/auth/logout']);
    expect(routes.filter((r) => r.access === 'admin').length).toBeGreaterThan(15);
  });

  /** Tries every spelling of every route of `level`; answers those that got anything but `refusals` or the web app. */
  const reachedHandlers = async (level: (access: string) => boolean, refusals: number[], cookieHeader?: string) => {
    // Paths that match no route get the single-page app (a GET for a page): no data, no handler, not a breach.
    const spa = await rawRequest(stack.url, 'GET', '/no-such-page');
    const isSpa = (method: string, res: RawResponse) => res.status === 200 && String(res.headers['content-type']).startsWith('text/html')
      && (method === 'HEAD' || res.body === spa.body);
    const reached: string[] = [];
    for (const route of routes.filter((r) => level(r.access!))) {
      for (const path of pathSpellings(concretePath(route.url))) {
        const res = await attempt(route.method, path, cookieHeader);
        if (!refusals.includes(res.status) && !isSpa(route.method, res)) reached.push(`${route.method} ${path} → ${res.status}`);
      }
    }
    return reached;
  };

  it('no spelling of a non-public path reaches a handler anonymously', async () => {
    expect(await reachedHandlers((a) => a !== 'public', [0, 400, 401, 404])).toEqual([]);
  });

  it('no spelling of an admin path lets a viewer change anything', async () => {
    expect(await reachedHandlers((a) => a === 'admin', [0, 400, 403, 404], viewerCookie)).toEqual([]);
  });

  it('left no trace: no user was created, nothing was audited for an attacker', async () => {
    const users = await stack.query('SELECT username FROM users ORDER BY username');
    expect(users.map((u) => u.username)).toEqual(['admin', 'viewer']);
    const audited = await stack.query("SELECT count(*)::int AS n FROM audit_log WHERE action <> 'login'");
    expect(audited[0].n).toBe(0);
  });

  it('the same requests do reach their handlers with the right session (the test is not vacuous)', async () => {
    const res = await attempt('POST', '/api/admin/users', stack.cookie);
    expect(res.status).toBe(201);
    const viewerRead = await attempt('GET', '/%61pi/alerts', viewerCookie);
    expect(viewerRead.status).toBe(200);
    expect(viewerRead.headers['cache-control']).toBe('no-store'); // signed-in answers are never cached
    await stack.query("DELETE FROM users WHERE username = 'x'");
  });
});

describe('a route without an access declaration', () => {
  it('stops the server from starting (default deny)', async () => {
    const app = Fastify();
    await app.register(cookie);
    await app.register(accessPlugin, { sessions: {} as SessionStore, cookie: sessionCookie(null) });
    app.get('/api/forgotten', async () => 'open?');
    await expect(app.ready()).rejects.toThrow(/GET \/api\/forgotten/);
  });
});
