import { CurrentUser, ErrorResponse, LoginRequest } from '@tradehook/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuditLog } from '../admin/audit-log';
import type { SessionCookie } from '../auth/session-cookie';
import type { SessionStore } from '../auth/sessions';
import type { UserStore } from '../auth/users';
import type { EventStreams } from '../events/event-streams';
import { currentUser } from '../plugins/access';

export async function authRoutes(app: FastifyInstance,
  opts: { users: UserStore; sessions: SessionStore; audit: AuditLog; cookie: SessionCookie; streams: EventStreams }): Promise<void> {
  app.post<{ Body: LoginRequest }>('/api/auth/login', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: 'Sign in: sets an httpOnly session cookie', body: LoginRequest,
      response: { 200: CurrentUser, 401: ErrorResponse, 429: ErrorResponse } },
  }, async (req, reply) => {
    const user = await opts.users.verifyLogin(req.body.username, req.body.password);
    if (!user) return reply.code(401).send({ error: 'invalid_credentials', message: 'Wrong username or password.' });
    const { token, maxAgeSeconds } = await opts.sessions.create(user.id);
    reply.setCookie(opts.cookie.name, token, { ...opts.cookie.options, maxAge: maxAgeSeconds });
    await opts.audit.record(user, 'login', 'users', user.id);
    return user;
  });

  app.post('/api/auth/logout', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'Sign out', response: { 204: { type: 'null', description: 'Signed out' } } },
  }, async (req, reply) => {
    const ended = await opts.sessions.destroy(req.cookies[opts.cookie.name]);
    if (ended) opts.streams.closeSession(ended);
    reply.clearCookie(opts.cookie.name, opts.cookie.options);
    return reply.code(204).send();
  });

  app.get('/api/auth/me', {
    config: { access: 'signed-in' },
    schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: CurrentUser, 401: ErrorResponse } },
  }, async (req) => currentUser(req));
}
