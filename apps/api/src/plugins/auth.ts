import type { CurrentUser } from '@tradehook/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { SESSION_COOKIE, type SessionStore } from '../auth/sessions';

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
  }
}

/** /api paths reachable without a session. Outside /api: the webhook, health, metrics (own token), docs, pages. */
const PUBLIC_API = new Set(['/api/auth/login', '/api/auth/logout']);
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every /api request needs a session; changing anything needs the admin role. */
export const authPlugin = fp(async (app: FastifyInstance, opts: { sessions: SessionStore }) => {
  app.decorateRequest('user', null);
  const authorize = async (req: FastifyRequest, reply: FastifyReply) => {
    const user = await opts.sessions.resolve(req.cookies[SESSION_COOKIE]);
    if (!user) return reply.code(401).send({ error: 'unauthorized', message: 'Sign in to use Tradehook.' });
    req.user = user;
    if (!READ_METHODS.has(req.method) && user.role !== 'admin') {
      return reply.code(403).send({ error: 'forbidden', message: 'Your role (viewer) can look but not change anything.' });
    }
  };
  // Callback style, so paths outside /api (the webhook above all) pay no promise for a check that does not apply.
  app.addHook('onRequest', (req, reply, done) => {
    const path = req.url.split('?')[0];
    if (!path.startsWith('/api/') || PUBLIC_API.has(path)) return done();
    // A 401/403 already answered: the request ends here, done() is not called.
    authorize(req, reply).then(() => reply.sent || done(), done);
  });
});
