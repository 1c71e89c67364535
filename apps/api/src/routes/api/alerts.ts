import { AlertDetail, AlertList, AlertListQuery, ErrorResponse, IdParams } from '@tradehook/contracts';
import type { FastifyInstance } from 'fastify';
import type { AlertStore } from '../../alerts/alert-store';

export async function alertRoutes(app: FastifyInstance, opts: { alerts: AlertStore }): Promise<void> {
  app.get<{ Querystring: AlertListQuery }>('/api/alerts', {
    schema: {
      tags: ['alerts'],
      summary: 'Alerts received, newest first',
      description: 'Every request to /webhook, including rejected and duplicate ones, with its fate and order.',
      querystring: AlertListQuery,
      response: { 200: AlertList },
    },
  }, async (req) => opts.alerts.list(req.query));

  app.get<{ Params: IdParams }>('/api/alerts/:id', {
    schema: { tags: ['alerts'], summary: 'One alert, with its redacted raw body', params: IdParams,
      response: { 200: AlertDetail, 404: ErrorResponse } },
  }, async (req, reply) => {
    const alert = await opts.alerts.get(req.params.id);
    return alert ?? reply.code(404).send({ error: 'not_found', message: `Alert ${req.params.id} does not exist` });
  });

  app.delete<{ Params: IdParams }>('/api/alerts/:id', {
    schema: { tags: ['alerts'], summary: 'Delete an alert (its order and executions are kept)', params: IdParams,
      response: { 204: { type: 'null', description: 'Deleted' }, 404: ErrorResponse } },
  }, async (req, reply) => {
    const deleted = await opts.alerts.delete(req.params.id);
    if (!deleted) return reply.code(404).send({ error: 'not_found', message: `Alert ${req.params.id} does not exist` });
    return reply.code(204).send();
  });
}
