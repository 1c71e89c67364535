import { Type } from '@sinclair/typebox';
import { ErrorResponse, IdParams, WebhookReply } from '@tradehook/contracts';
import type { FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import type { AuditLog } from '../../admin/audit-log';
import type { IbSession } from '../../ib/ib-session';
import type { AlertWriter } from '../../ingest/alert-writer';
import { isoMicros, preciseNow } from '../../ingest/time';
import { currentUser } from '../../plugins/access';

const RESENDABLE = ['expired', 'failed', 'refused'];

/** Console actions beyond CRUD: resend an alert that did not trade, cancel a working order at IB. */
export async function adminActionRoutes(app: FastifyInstance,
  opts: { db: DataSource; writer: AlertWriter; session: IbSession; audit: AuditLog }): Promise<void> {
  app.post<{ Params: IdParams }>('/api/admin/alerts/:id/resend', {
    config: { access: 'admin' },
    schema: {
      tags: ['admin'], summary: 'Resend an expired, failed or refused alert (once: a second resend is a duplicate)',
      params: IdParams, response: { 200: WebhookReply, 404: ErrorResponse, 409: ErrorResponse },
    },
  }, async (req, reply) => {
    const user = currentUser(req);
    const [a] = await opts.db.query(
      `SELECT strategy, symbol, exchange, price::text AS price, direction, quantity::text AS quantity, order_type,
              limit_price::text AS limit_price, stop_price::text AS stop_price, tif, sec_type, currency, alert_text,
              external_id, raw_body, status FROM alerts WHERE id = $1`, [req.params.id]);
    if (!a) return reply.code(404).send({ error: 'not_found', message: `Alert ${req.params.id} does not exist` });
    if (!RESENDABLE.includes(a.status)) {
      return reply.code(409).send({ error: 'conflict', message: `Only ${RESENDABLE.join(', ')} alerts can be resent; this one is ${a.status}` });
    }
    const { status: _status, ...columns } = a;
    const outcome = await opts.writer.write({
      ...columns, received_at: isoMicros(preciseNow()), client_ip: null, body_hash: null,
      idempotency_key: JSON.stringify(['resend', req.params.id]), status: 'accepted',
      reason: `resend of alert ${req.params.id} by ${user.username}`, http_status: 200,
    });
    if (outcome.status === 'accepted') {
      await opts.db.query('UPDATE alerts SET resend_of = $2 WHERE id = $1', [outcome.id, req.params.id]);
    }
    await opts.audit.record(user, 'resend', 'alerts', req.params.id, { newAlertId: outcome.originalId ?? outcome.id, outcome: outcome.status });
    return { id: outcome.originalId ?? outcome.id, status: outcome.status === 'duplicate' ? 'duplicate' : 'accepted' };
  });

  app.post<{ Params: IdParams }>('/api/admin/orders/:id/cancel', {
    config: { access: 'admin' },
    schema: {
      tags: ['admin'], summary: 'Ask IB to cancel a working order', params: IdParams,
      response: { 202: Type.Object({ status: Type.Literal('cancel requested') }), 404: ErrorResponse, 409: ErrorResponse, 503: ErrorResponse },
    },
  }, async (req, reply) => {
    const user = currentUser(req);
    const [order] = await opts.db.query('SELECT ib_order_id, status, client_id FROM orders WHERE id = $1', [req.params.id]);
    if (!order) return reply.code(404).send({ error: 'not_found', message: `Order ${req.params.id} does not exist` });
    if (!['working', 'submitting'].includes(order.status) || order.client_id !== opts.session.clientId) {
      return reply.code(409).send({ error: 'conflict', message: `Order ${req.params.id} is ${order.status}: nothing to cancel` });
    }
    if (!(await opts.session.cancelOrder(order.ib_order_id))) {
      return reply.code(503).send({ error: 'unavailable', message: 'IB is not connected: the cancel was not sent' });
    }
    await opts.audit.record(user, 'cancel', 'orders', req.params.id);
    return reply.code(202).send({ status: 'cancel requested' as const });
  });
}
