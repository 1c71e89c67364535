import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { adminResources } from './admin/resources';
import type { AlertStore } from './alerts/alert-store';
import type { Config } from './config';
import type { EventBus } from './events/bus';
import { preciseNow } from './ingest/time';
import type { WebhookIntake } from './ingest/webhook-intake';
import { sessionCookie } from './auth/session-cookie';
import { EventStreams } from './events/event-streams';
import { limitConnectionsPerAddress } from './http/connections-per-address';
import { accessPlugin, publicScope } from './plugins/access';
import { sameOriginPlugin } from './plugins/same-origin';
import { queryGuardPlugin } from './plugins/query-guard';
import { swaggerPlugin, swaggerUiPlugin } from './plugins/swagger';
import { webPlugin } from './plugins/web';
import { adminActionRoutes } from './routes/admin/actions';
import { unknownStrategyRoutes } from './routes/admin/unknown-strategies';
import { adminResourceRoutes } from './routes/admin/resources';
import { alertRoutes } from './routes/api/alerts';
import { accountRoutes } from './routes/api/account';
import { authRoutes } from './routes/auth';
import { tradeRoutes } from './routes/api/trades';
import { strategyPositionRoutes } from './routes/api/strategy-positions';
import { positionActionRoutes } from './routes/admin/position-actions';
import { PositionActions } from './positions/position-actions';
import { metricsRoutes } from './routes/metrics';
import { statusRoutes } from './routes/status';
import { webhookRoutes } from './routes/webhook';
import type { Services } from './services';
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
  services: Services;
}

/** The whole HTTP application, without listening: the server and the tests build exactly this. */
export function buildApp(deps: AppDeps): FastifyInstance {
  const { http } = deps.config;
  const app = Fastify({
    // Slow senders (a body trickled byte by byte, headers never finished) are cut off; idle sockets closed, and a
    // kept-alive socket with nothing more to ask goes after 5 s (held sockets are how one client fills the server).
    requestTimeout: http.requestTimeoutMs,
    connectionTimeout: 75_000,
    keepAliveTimeout: 5_000,
    http: { headersTimeout: http.requestTimeoutMs, connectionsCheckingInterval: Math.min(1_000, http.requestTimeoutMs) },
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true },
    trustProxy: deps.config.trustedProxies.length ? deps.config.trustedProxies : false,
    ajv: { customOptions: { coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // react-admin sends DELETE with Content-Type: application/json and no body: treat that as no body.
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) =>
    body === '' ? done(null, undefined) : defaultJson(req, body as string, done));

  app.decorateRequest('receivedAt', 0);
  // Hooks on every request are callback-style: an async hook costs a promise per request on the webhook's hot path.
  app.addHook('onRequest', (req, _reply, done) => {
    req.receivedAt = preciseNow();
    done();
  });
  // One line per request, without bodies or query strings (nothing secret can reach the log this way).
  app.addHook('onResponse', (req, reply, done) => {
    if (deps.logger.isLevelEnabled('info')) {
      req.log.info({
        method: req.method,
        url: req.url.split('?')[0],
        statusCode: reply.statusCode,
        ms: Math.round((preciseNow() - req.receivedAt) * 100) / 100,
        ip: req.ip,
      }, 'request');
    }
    done();
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
    const errorClass = status === 500 ? 'internal' : status === 404 ? 'not_found' : status === 409 ? 'conflict' : 'bad_request';
    return reply.code(status).send({ error: errorClass, message: status === 500 ? 'Internal error' : error.message });
  });

  app.server.maxConnections = http.maxConnections;
  limitConnectionsPerAddress(app.server, http.maxConnectionsPerAddress, deps.config.trustedProxies);

  const { services } = deps;
  const sessionCookieSpec = sessionCookie(deps.config.publicUrl);
  const streams = new EventStreams(http.eventStreamsPerSession, (keys) => services.sessions.stillValid(keys));
  app.register(helmet, {
    // Same-origin everything; inline styles for MUI/emotion (admin) and Swagger UI.
    contentSecurityPolicy: { directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null } },
    // HSTS only where the app is served over HTTPS; on plain HTTP it would be ignored (or lock out a LAN install).
    hsts: sessionCookieSpec.options.secure ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  if (deps.config.corsOrigins.length) {
    app.register(cors, { origin: deps.config.corsOrigins, credentials: true, exposedHeaders: ['Content-Range'] });
  }
  app.register(cookie);
  app.register(rateLimit, { global: false });
  app.register(accessPlugin, { sessions: services.sessions, cookie: sessionCookieSpec });
  app.register(sameOriginPlugin, { trustedOrigins: [deps.config.publicUrl, ...deps.config.corsOrigins].filter((o): o is string => !!o) });
  app.register(queryGuardPlugin);
  app.register(swaggerPlugin, { version: deps.version });
  app.register(publicScope(swaggerUiPlugin, {}));
  app.register(webhookRoutes, { intake: deps.intake, rateLimitPerMinute: deps.config.webhookRateLimitPerMinute });
  app.register(authRoutes, { users: services.users, sessions: services.sessions, audit: services.audit, cookie: sessionCookieSpec, streams });
  app.register(adminResourceRoutes, { db: services.db, audit: services.audit, resources: adminResources(services) });
  app.register(adminActionRoutes, { db: services.db, writer: services.writer, session: services.session, audit: services.audit });
  app.register(unknownStrategyRoutes, { db: services.db, strategies: services.strategies });
  app.register(statusRoutes, { status: deps.status, bus: deps.bus, streams });
  app.register(metricsRoutes, { metrics: services.metrics, token: deps.config.metricsToken });
  app.register(alertRoutes, { alerts: deps.alerts, audit: services.audit });
  app.register(tradeRoutes, { trades: deps.trades });
  app.register(strategyPositionRoutes, { db: services.db, account: () => services.session.connection().account });
  app.register(positionActionRoutes, { actions: new PositionActions(services.db, services.writer, services.audit) });
  app.register(accountRoutes, { store: services.accountStore, connected: () => services.session.isReady() });
  app.register(publicScope(webPlugin, { distDir: deps.config.webDistDir }));
  return app;
}
