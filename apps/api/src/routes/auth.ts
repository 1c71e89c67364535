import { CurrentUser, ErrorResponse, LoginRequest } from '@tradehook/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuditLog } from '../admin/audit-log';
import { SESSION_COOKIE, type SessionStore } from '../auth/sessions';
import type { UserStore } from '../auth/users';

export async function authRoutes(app: FastifyInstance, opts: { users: UserStore; sessions: SessionStore; audit: AuditLog }): Promise<void> {
  app.post<{ Body: LoginRequest }>('/api/auth/login', {
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: 'Sign in: sets an httpOnly session cookie', body: LoginRequest,
      response: { 200: CurrentUser, 401: ErrorResponse, 429: ErrorResponse } },
  }, async (req, reply) => {
    const user = await opts.users.verifyLogin(req.body.username, req.body.password);
    if (!user) return reply.code(401).send({ error: 'invalid_credentials', message: 'Wrong username or password.' });
    const { token, maxAgeSeconds } = await opts.sessions.create(user.id);
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', maxAge: maxAgeSeconds,
    });
    await opts.audit.record(user, 'login', 'users', user.id);
    return user;
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'Sign out', response: { 204: { type: 'null', description: 'Signed out' } } },
  }, async (req, reply) => {
    await opts.sessions.destroy(req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: CurrentUser, 401: ErrorResponse } },
  }, async (req) => req.user!);
}
