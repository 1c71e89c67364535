import { StrategyPositions } from '@tradehook/contracts';
import type { FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import { strategyPositions } from '../../positions/strategy-position-queries';

/** What each strategy holds per contract, with its working orders, and the contracts whose IB position drifts. */
export async function strategyPositionRoutes(app: FastifyInstance,
  opts: { db: DataSource; account: () => string | null }): Promise<void> {
  app.get('/api/strategy-positions', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['positions'],
      summary: 'Positions per strategy and contract, and drift against IB',
      description: "Derived from each strategy's own fills (average cost; realized P&L after commissions). Drift: IB's "
        + "position differs from the strategies' sum by more than their working orders explain, with when it started.",
      response: { 200: StrategyPositions },
    },
  }, () => strategyPositions(opts.db, opts.account));
}
