import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { secretMatches } from '../ingest/secret';
import type { TradehookMetrics } from '../metrics/registry';

/**
 * GET /metrics in Prometheus text format, behind `Authorization: Bearer METRICS_TOKEN` when a token is set.
 * Registered unencapsulated so its onResponse hook sees every /webhook reply (the acknowledgement latency).
 */
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** Headers a proxy adds when it relays someone else's request (nginx's bare proxy_pass adds none of the X- ones). */
const RELAY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip', 'via',
  'x-client-ip', 'true-client-ip', 'cf-connecting-ip', 'x-original-forwarded-for'];
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;

/**
 * A direct request from this machine: a loopback peer, no sign of a relay, and a loopback Host (a DNS-rebinding page
 * in a local browser reaches us from 127.0.0.1 too, but under its own host name).
 */
function fromThisMachine(req: FastifyRequest): boolean {
  const peer = req.socket.remoteAddress ?? '';
  return (LOOPBACK.has(peer) || peer.startsWith('127.')) && RELAY_HEADERS.every((h) => req.headers[h] === undefined)
    && LOOPBACK_HOST.test(req.headers.host ?? '');
}

export const metricsRoutes = fp(async (app: FastifyInstance, opts: { metrics: TradehookMetrics; token: string | null }) => {
  app.addHook('onResponse', (req, reply, done) => {
    if (req.routeOptions.url === '/webhook') opts.metrics.observeAck(req.receivedAt, reply.statusCode);
    done();
  });

  app.get('/metrics', {
    config: { access: 'public' }, // guarded below: its token, or loopback only when none is set
    schema: {
      tags: ['status'],
      summary: 'Prometheus metrics',
      description: 'Alerts and orders by status (counted in PostgreSQL), acknowledgement and wire latency histograms, '
        + 'IB connection state, dispatch queue depth, process metrics. Needs `Authorization: Bearer <METRICS_TOKEN>`; without a token configured it answers loopback only.',
      produces: ['text/plain'],
    },
  }, async (req, reply) => {
    if (opts.token !== null) {
      const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (!secretMatches(given, opts.token)) {
        return reply.code(401).send({ error: 'unauthorized', message: 'Send Authorization: Bearer <METRICS_TOKEN>.' });
      }
    } else if (!fromThisMachine(req)) {
      return reply.code(403).send({ error: 'forbidden', message: 'Without METRICS_TOKEN, /metrics answers only on this machine (loopback).' });
    }
    const text = await opts.metrics.render();
    return reply.type(opts.metrics.contentType).send(text);
  });
});
