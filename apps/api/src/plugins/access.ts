import type { CurrentUser } from '@tradehook/contracts';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { SessionCookie } from '../auth/session-cookie';
import type { SessionStore } from '../auth/sessions';

/**
 * Who may call a route: `public` (anyone), `signed-in` (any session: viewers read), `admin` (the admin role).
 * Every route declares it in `config.access`; the check reads the route Fastify actually matched, so no spelling of a
 * path (percent-encoding, `//`, `/./`, case, trailing slash) can reach a handler the declaration does not allow.
 */
export type Access = 'public' | 'signed-in' | 'admin';
export const ACCESS_LEVELS: readonly Access[] = ['public', 'signed-in', 'admin'];

export interface RouteAccess {
  method: string;
  url: string;
  access: Access | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: CurrentUser | null;
    /** The hash of the session token the request came with, when it resolved to a user. */
    sessionKey: string | null;
  }
  interface FastifyInstance {
    /** Every route with its declared access, as registered (the security tests are generated from it). */
    routeAccess: RouteAccess[];
  }
}

class UnauthorizedError extends Error {
  readonly statusCode = 401;
  constructor() {
    super('Sign in to use Tradehook.');
  }
}

/** The signed-in user of a route that needs one; refuses (401) rather than trusting that the hook ran. */
export function currentUser(req: FastifyRequest): CurrentUser {
  if (!req.user) throw new UnauthorizedError();
  return req.user;
}

const unauthorized = { error: 'unauthorized', message: 'Sign in to use Tradehook.' };
const forbidden = { error: 'forbidden', message: 'Your role (viewer) can look but not change anything.' };

export const accessPlugin = fp(async (app: FastifyInstance, opts: { sessions: SessionStore; cookie: SessionCookie }) => {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionKey', null);
  const routes: RouteOptions[] = [];
  app.decorate('routeAccess', {
    getter: () => routes.map((r) => ({
      method: String(r.method), url: r.url, access: (r.config as { access?: Access } | undefined)?.access,
    })),
  });
  // Kept by reference: a scope registered with publicScope() stamps its routes after this hook has seen them.
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  // Default-deny at start-up: a route that says nothing about its access stops the server from starting.
  app.addHook('onReady', async () => {
    const undeclared = app.routeAccess.filter((r) => !r.access || !ACCESS_LEVELS.includes(r.access));
    if (undeclared.length) {
      throw new Error(`Routes without config.access (public, signed-in or admin): ${undeclared.map((r) => `${r.method} ${r.url}`).join(', ')}`);
    }
  });

  const authorize = async (req: FastifyRequest, reply: FastifyReply, access: Access) => {
    const token = req.cookies[opts.cookie.name];
    const session = await opts.sessions.resolveSession(token);
    if (!session) return reply.code(401).send(unauthorized);
    req.user = session.user;
    req.sessionKey = session.key;
    reply.header('cache-control', 'no-store'); // a signed-in answer (raw bodies, settings) must not linger in a cache
    if (access === 'admin' && session.user.role !== 'admin') return reply.code(403).send(forbidden);
  };
  // Callback style: the webhook (public) pays two property reads, no promise.
  app.addHook('onRequest', (req, reply, done) => {
    if (req.is404) return done(); // no handler to protect: the not-found handler answers
    // A route registered without a declaration (a plugin's) is admin-only rather than open.
    const access = req.routeOptions.config.access ?? 'admin';
    if (access === 'public') return done();
    // A 401/403 already answered: the request ends here, done() is not called.
    authorize(req, reply, access).then(() => reply.sent || done(), done);
  });
});

/**
 * Registers a third-party plugin (Swagger UI, static files) whose routes cannot carry our config: each of its routes
 * is declared public here, in its own encapsulated scope, so nothing outside it is affected.
 */
export function publicScope<O>(plugin: FastifyPluginAsync<O & object>, options: O): FastifyPluginAsync {
  return async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object), access: (route.config as { access?: Access } | undefined)?.access ?? 'public' } as never;
    });
    await scope.register(plugin as FastifyPluginAsync, options as object);
  };
}
