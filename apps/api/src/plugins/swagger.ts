import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** OpenAPI 3 generated from the same TypeBox schemas that validate requests; Swagger UI at /documentation. */
export const swaggerPlugin = fp(async (app: FastifyInstance, opts: { version: string }) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Tradehook API',
        version: opts.version,
        description:
          'Turns TradingView alerts into Interactive Brokers orders. Point a TradingView alert\'s webhook URL at ' +
          '`POST /webhook` and put your secret in the body (`secmgs`). Every request is recorded — rejected ones ' +
          'with their reason — and each accepted alert ends in exactly one recorded fate: placed, refused, expired ' +
          'or failed at IB.',
      },
      tags: [
        { name: 'webhook', description: 'Where TradingView sends alerts' },
        { name: 'alerts', description: 'Every request received, and what became of it' },
        { name: 'trades', description: 'Executions and consolidated trades from IB' },
        { name: 'positions', description: "Positions, account values and P&L: IB's, and each strategy's" },
        { name: 'status', description: 'Liveness, readiness, live events' },
      ],
    },
  });
});

/** Swagger UI at /documentation (public), reading the document the swagger plugin collects at the root. */
export async function swaggerUiPlugin(app: FastifyInstance): Promise<void> {
  await app.register(swaggerUi, {
    routePrefix: '/documentation',
    uiConfig: { docExpansion: 'list', deepLinking: true },
    theme: { title: 'Tradehook API' },
  });
}
