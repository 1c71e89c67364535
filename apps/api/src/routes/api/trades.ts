import {
  ConsolidatedTrades,
  ConsolidatedTradesQuery,
  RecentTrades,
  RecentTradesQuery,
} from '@tradehook/contracts';
import type { FastifyInstance } from 'fastify';
import type { TradeQueries } from '../../trades/trade-queries';

export async function tradeRoutes(app: FastifyInstance, opts: { trades: TradeQueries }): Promise<void> {
  app.get<{ Querystring: RecentTradesQuery }>('/api/trades/recent', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['trades'],
      summary: 'Most recent executions (default 20)',
      description: 'Each partial fill is its own execution; quantity is that fill, cumQty/avgPrice are the order\'s so far.',
      querystring: RecentTradesQuery,
      response: { 200: RecentTrades },
    },
  }, async (req) => opts.trades.recent(req.query.limit ?? 20));

  app.get<{ Querystring: ConsolidatedTradesQuery }>('/api/trades/consolidated', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['trades'],
      summary: 'One row per order: its execution with the highest cumulative quantity',
      description: 'Keyed by permId, labelled with the order id; slippage and latency when the order came from an alert.',
      querystring: ConsolidatedTradesQuery,
      response: { 200: ConsolidatedTrades },
    },
  }, async (req) => opts.trades.consolidated(req.query.limit ?? 20));
}
