import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: the route takes requests from anywhere (the webhook: authenticated by its body, never by a cookie). */
    sameOrigin?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery protection for every state-changing request (default on, per route):
 * 1. It must come from the app's own origin. Browsers say where a request comes from (`Sec-Fetch-Site`, else
 *    `Origin`); a request carrying neither is not a browser's and cannot ride on a victim's cookie. SameSite=Strict
 *    alone is not enough: another port of the same host is the same *site*.
 * 2. It must be JSON. A cross-origin page can send a form or a text/plain POST without asking; JSON needs a CORS
 *    preflight, which we do not grant.
 */
export const sameOriginPlugin = fp(async (app: FastifyInstance, opts: { trustedOrigins: string[] }) => {
  const trusted = new Set(opts.trustedOrigins.map((o) => new URL(o).origin));
  app.addHook('onRequest', (req, reply, done) => {
    if (SAFE_METHODS.has(req.method) || req.is404 || req.routeOptions.config.sameOrigin === false) return done();
    const refusal = crossOriginRefusal(req, trusted) ?? notJsonRefusal(req);
    if (!refusal) return done();
    reply.code(refusal.status).send({ error: refusal.error, message: refusal.message });
  });
});

type Refusal = { status: number; error: string; message: string };

function crossOriginRefusal(req: FastifyRequest, trusted: Set<string>): Refusal | null {
  const origin = req.headers.origin;
  if (origin && trusted.has(origin)) return null;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) {
    if (site === 'same-origin' || site === 'none') return null;
  } else if (origin === undefined || sameHost(origin, req.headers.host)) {
    return null;
  }
  return {
    status: 403, error: 'cross_origin',
    message: `Refused: this request came from another site (${origin ?? site}). Changes can only be made from Tradehook's own pages.`,
  };
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false; // "null" (a sandboxed frame, a file) or garbage
  }
}

function notJsonRefusal(req: FastifyRequest): Refusal | null {
  const type = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (type === 'application/json') return null;
  return {
    status: 415, error: 'unsupported_media_type',
    message: `Send this request as JSON (Content-Type: application/json), not ${type ? `"${type}"` : 'without a content type'}.`,
  };
}
