import {
  ContractActionRequest, ErrorResponse, FlattenAllRequest, FlattenStrategyRequest, PositionActionReply,
} from '@tradehook/contracts';
import type { FastifyInstance } from 'fastify';
import type { PositionActions } from '../../positions/position-actions';
import { currentUser } from '../../plugins/access';

const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Flatten and sync: admin only, confirmed (expected figure or confirm: true), audited; each alert has its own fate. */
export async function positionActionRoutes(app: FastifyInstance, opts: { actions: PositionActions }): Promise<void> {
  app.post<{ Body: FlattenStrategyRequest }>('/api/admin/positions/flatten-strategy', {
    config: { access: 'admin' },
    schema: { tags: ['admin', 'positions'], summary: "Close one strategy's position in a contract (an EXIT alert)",
      body: FlattenStrategyRequest, response: { 202: PositionActionReply, ...errors } },
  }, async (req, reply) => reply.code(202).send(await opts.actions.flattenStrategy(req.body, currentUser(req))));

  app.post<{ Body: ContractActionRequest }>('/api/admin/positions/flatten-contract', {
    config: { access: 'admin' },
    schema: { tags: ['admin', 'positions'], summary: 'Close the whole contract at IB: each strategy exits, a sync takes IB to flat',
      body: ContractActionRequest, response: { 202: PositionActionReply, ...errors } },
  }, async (req, reply) => reply.code(202).send(await opts.actions.flattenContract(req.body, currentUser(req))));

  app.post<{ Body: FlattenAllRequest }>('/api/admin/positions/flatten-all', {
    config: { access: 'admin' },
    schema: { tags: ['admin', 'positions'], summary: 'Flatten every contract a strategy or IB holds',
      body: FlattenAllRequest, response: { 202: PositionActionReply, ...errors } },
  }, async (req, reply) => reply.code(202).send(await opts.actions.flattenAll(currentUser(req))));

  app.post<{ Body: ContractActionRequest }>('/api/admin/positions/sync', {
    config: { access: 'admin' },
    schema: { tags: ['admin', 'positions'], summary: "Sync to target: bring IB's position to the strategies' sum (one order)",
      body: ContractActionRequest, response: { 202: PositionActionReply, ...errors } },
  }, async (req, reply) => reply.code(202).send(await opts.actions.sync(req.body, currentUser(req))));
}
