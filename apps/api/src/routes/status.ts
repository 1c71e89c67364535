import { ErrorResponse, Health, LiveEvent, Status } from '@tradehook/contracts';
import type { FastifyInstance } from 'fastify';
import type { EventBus } from '../events/bus';
import type { EventStreams } from '../events/event-streams';
import type { StatusService } from '../status/status-service';

export async function statusRoutes(app: FastifyInstance, opts: { status: StatusService; bus: EventBus; streams: EventStreams }): Promise<void> {
  app.get('/health', {
    config: { access: 'public' },
    schema: { tags: ['status'], summary: 'Liveness: the process answers', response: { 200: Health } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/api/status', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['status'],
      summary: 'Readiness: database, IB connection, backlog, today\'s counts',
      response: { 200: Status },
    },
  }, async () => opts.status.status());

  app.addHook('preClose', async () => opts.streams.closeAll());

  app.get('/api/events', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['status'],
      summary: 'Server-Sent Events: alert, order, execution and connection changes',
      description: 'Each message has `event:` alert|order|execution|connection and a JSON `data:` line.',
      produces: ['text/event-stream'],
      response: {
        200: { ...LiveEvent, description: 'A stream of these, one per event' },
        429: { ...ErrorResponse, description: 'This session already holds its maximum of open streams' },
      },
    },
  }, (req, reply) => {
    const sessionKey = req.sessionKey;
    if (!sessionKey) throw new Error('live events need a session'); // unreachable: the route is signed-in only
    if (opts.streams.countFor(sessionKey) >= opts.streams.maxPerSession) {
      return reply.code(429).send({ error: 'too_many_streams',
        message: `This session already has ${opts.streams.maxPerSession} live event streams open: close a tab and reload.` });
    }
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    out.write('retry: 2000\n\n');
    const unsubscribe = opts.bus.subscribe((event) => out.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`));
    // Comments keep proxies from closing an idle stream.
    const heartbeat = setInterval(() => out.write(': keep-alive\n\n'), 15_000);
    opts.streams.add(sessionKey, out);
    out.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
