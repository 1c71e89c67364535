import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { AlertStore } from './alerts/alert-store';
import type { Config } from './config';
import type { EventBus } from './events/bus';
import { preciseNow } from './ingest/time';
import type { WebhookIntake } from './ingest/webhook-intake';
import { swaggerPlugin } from './plugins/swagger';
import { webPlugin } from './plugins/web';
import { alertRoutes } from './routes/api/alerts';
import { tradeRoutes } from './routes/api/trades';
import { statusRoutes } from './routes/status';
import { webhookRoutes } from './routes/webhook';
import type { StatusService } from './status/status-service';
import type { TradeQueries } from './trades/trade-queries';

declare module 'fastify' {
  interface FastifyRequest {
    /** Epoch ms (sub-ms precision) when the request arrived: the start of every latency figure. */
    receivedAt: number;
  }
}

export interface AppDeps {
  config: Config;
  version: string;
  bus: EventBus;
  intake: WebhookIntake;
  alerts: AlertStore;
  trades: TradeQueries;
  status: StatusService;
  logger: Logger;
}

/** The whole HTTP application, without listening: the server and the tests build exactly this. */
export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true },
    trustProxy: deps.config.trustedProxies.length ? deps.config.trustedProxies : false,
    ajv: { customOptions: { coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest('receivedAt', 0);
  app.addHook('onRequest', async (req) => {
    req.receivedAt = preciseNow();
  });
  // One line per request, without bodies or query strings (nothing secret can reach the log this way).
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({
      method: req.method,
      url: req.url.split('?')[0],
      statusCode: reply.statusCode,
      ms: Math.round((preciseNow() - req.receivedAt) * 100) / 100,
      ip: req.ip,
    }, 'request');
  });
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error.validation) {
      return reply.code(400).send({
        error: 'invalid_request',
        message: error.message,
        details: error.validation.map((v) => ({
          field: (v.instancePath || `/${(v.params as { missingProperty?: string }).missingProperty ?? ''}`).replace(/^\//, ''),
          problem: v.message ?? 'is invalid',
        })),
      });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) req.log.error({ err: error }, 'request failed');
    return reply.code(status).send({ error: status === 500 ? 'internal' : 'bad_request', message: status === 500 ? 'Internal error' : error.message });
  });

  app.register(swaggerPlugin, { version: deps.version });
  app.register(webhookRoutes, { intake: deps.intake });
  app.register(statusRoutes, { status: deps.status, bus: deps.bus });
  app.register(alertRoutes, { alerts: deps.alerts });
  app.register(tradeRoutes, { trades: deps.trades });
  app.register(webPlugin, { distDir: deps.config.webDistDir });
  return app;
}
