import { Type } from '@sinclair/typebox';
import { UnknownStrategy } from '@tradehook/contracts';
import type { FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import type { StrategyStore } from '../../strategies/strategy-store';
import { UNKNOWN_STRATEGIES_LISTED, unknownStrategies } from '../../strategies/unknown-strategies';

/**
 * The console's read-only list of strategy names seen in alerts but not configured. One page in react-admin's list
 * format (an array and a Content-Range header); its sort, range and filter parameters are not needed and ignored.
 */
export async function unknownStrategyRoutes(app: FastifyInstance, opts: { db: DataSource; strategies: StrategyStore }): Promise<void> {
  app.get('/api/admin/unknown-strategies', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['admin'],
      summary: `Strategy names seen in alerts but not configured, newest first (at most ${UNKNOWN_STRATEGIES_LISTED})`,
      response: { 200: Type.Array(UnknownStrategy) },
    },
  }, async (_req, reply) => {
    const names = await unknownStrategies(opts.db, opts.strategies);
    reply.header('Content-Range', `unknown-strategies 0-${Math.max(names.length - 1, 0)}/${names.length}`);
    return names;
  });
}
