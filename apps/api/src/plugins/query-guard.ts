import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { nulCharacterAt, nulCharacterMessage } from '../common/nul-character';

/**
 * A NUL (%00) in any query parameter is answered 400 before any handler runs: PostgreSQL refuses NUL in text, so
 * it would otherwise surface as a 500 from whichever query first used the value. preValidation runs after the
 * access check (a stranger still gets 401) and before the route's schema.
 */
export const queryGuardPlugin = fp(async (app: FastifyInstance) => {
  // Callback style, and a look at the raw URL first: the webhook (no query string) pays one indexOf.
  app.addHook('preValidation', (req, reply, done) => {
    if (!req.url.includes('?')) return done();
    const where = nulCharacterAt(req.query, 'query');
    if (!where) return done();
    reply.code(400).send({ error: 'invalid_request', message: nulCharacterMessage(where.replace(/^query\./, 'query parameter ')) });
  });
});
