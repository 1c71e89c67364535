import { Health, LiveEvent, Status } from '@tradehook/contracts';
import type { FastifyInstance } from 'fastify';
import type { EventBus } from '../events/bus';
import type { StatusService } from '../status/status-service';

export async function statusRoutes(app: FastifyInstance, opts: { status: StatusService; bus: EventBus }): Promise<void> {
  app.get('/health', {
    schema: { tags: ['status'], summary: 'Liveness: the process answers', response: { 200: Health } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/api/status', {
    schema: {
      tags: ['status'],
      summary: 'Readiness: database, IB connection, backlog, today\'s counts',
      response: { 200: Status },
    },
  }, async () => opts.status.status());

  const streams = new Set<NodeJS.WritableStream & { end(): void }>();
  app.addHook('preClose', async () => streams.forEach((s) => s.end()));

  app.get('/api/events', {
    schema: {
      tags: ['status'],
      summary: 'Server-Sent Events: alert, order, execution and connection changes',
      description: 'Each message has `event:` alert|order|execution|connection and a JSON `data:` line.',
      produces: ['text/event-stream'],
      response: { 200: { ...LiveEvent, description: 'A stream of these, one per event' } },
    },
  }, (req, reply) => {
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
    streams.add(out);
    req.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(out);
    });
  });
}
