import { AccountOverview, Positions } from '@tradehook/contracts';
import type { FastifyInstance } from 'fastify';
import type { AccountStore } from '../../ib/account-store';

/** IB's positions and account values as last reported (stored in PostgreSQL, so shown while IB is away too). */
export async function accountRoutes(app: FastifyInstance, opts: { store: AccountStore; connected: () => boolean }): Promise<void> {
  app.get('/api/positions', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['positions'],
      summary: "IB's positions: quantity, average cost, market price and value, P&L, each as of when IB reported it",
      description: 'Every account and contract IB reports; a position closed today stays with quantity 0 and its realized P&L.',
      response: { 200: Positions },
    },
  }, async () => opts.store.list());

  app.get('/api/account', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['positions'],
      summary: "Each account's net liquidation, available funds, buying power and today's P&L, as IB reported them",
      response: { 200: AccountOverview },
    },
  }, async () => opts.store.overview(opts.connected()));
}
