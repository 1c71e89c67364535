import { AlertDetail, AlertList, AlertListQuery, ErrorResponse, IdParams } from '@tradehook/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuditLog } from '../../admin/audit-log';
import { currentUser } from '../../plugins/access';
import { alertNotFoundMessage, deletionRefusal, type AlertStore } from '../../alerts/alert-store';
import { rawBodyFor } from '../../alerts/raw-body-access';

export async function alertRoutes(app: FastifyInstance, opts: { alerts: AlertStore; audit: AuditLog }): Promise<void> {
  app.get<{ Querystring: AlertListQuery }>('/api/alerts', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['alerts'],
      summary: 'Alerts received, newest first',
      description: 'Every request to /webhook, including rejected and duplicate ones, with its fate and order.',
      querystring: AlertListQuery,
      response: { 200: AlertList },
    },
  }, async (req) => opts.alerts.list(req.query));

  app.get<{ Params: IdParams }>('/api/alerts/:id', {
    config: { access: 'signed-in' },
    schema: { tags: ['alerts'], params: IdParams,
      summary: 'One alert, with its redacted raw body (admins only: null and rawBodyHidden for viewers)',
      response: { 200: AlertDetail, 404: ErrorResponse } },
  }, async (req, reply) => {
    const alert = await opts.alerts.get(req.params.id);
    if (!alert) return reply.code(404).send({ error: 'not_found', message: alertNotFoundMessage(req.params.id) });
    return rawBodyFor(alert, req.user);
  });

  app.delete<{ Params: IdParams }>('/api/alerts/:id', {
    config: { access: 'admin' },
    schema: {
      tags: ['alerts'],
      summary: 'Delete an alert that never traded',
      description: 'Rejected, duplicate, refused, expired or still-waiting alerts can be deleted. An alert that led to ' +
        'an order is kept (409): its alertId is what makes a retry of the same alert a duplicate rather than a second trade.',
      params: IdParams,
      response: {
        204: { type: 'null', description: 'Deleted' },
        404: ErrorResponse,
        409: { ...ErrorResponse, description: 'The alert led to an order and is kept' },
      },
    },
  }, async (req, reply) => {
    const { id } = req.params;
    const refusal = deletionRefusal(id, await opts.alerts.delete(id));
    if (refusal) throw refusal; // the app's error handler answers { error: not_found | conflict, message }
    await opts.audit.record(currentUser(req), 'delete', 'alerts', id);
    return reply.code(204).send();
  });
}
