import {
  BRACKET_PAYLOAD_EXAMPLE,
  ErrorResponse,
  ORIGINAL_PAYLOAD_EXAMPLE,
  TRADINGVIEW_TEMPLATE,
  WebhookPayload,
  WebhookReply,
} from '@tradehook/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DatabaseUnavailableError } from '../ingest/alert-writer';
import { BODY_LIMIT_BYTES, TOO_MANY_FAILURES, type WebhookIntake, type WebhookResponse } from '../ingest/webhook-intake';

const errorExample = (error: string, message: string, details?: unknown) => ({
  'x-examples': { [error]: { value: { error, message, ...(details ? { details } : {}) } } },
});

const schema = {
  tags: ['webhook'],
  summary: 'Receive a TradingView alert',
  description:
    'Paste this URL into the alert\'s "Webhook URL" and the JSON below into its message. JSON or text/plain bodies ' +
    `up to ${BODY_LIMIT_BYTES / 1024} KB. \`direction\` is case-insensitive; numbers may be quoted. Answers within ` +
    'milliseconds once the alert is durably stored — it never waits for IB. A repeat (same `alertId`, or a ' +
    'byte-identical body within the duplicate window) answers `duplicate` with the original id and is not traded again.\n\n' +
    `TradingView template:\n\n\`\`\`\n${TRADINGVIEW_TEMPLATE}\n\`\`\``,
  consumes: ['application/json', 'text/plain'],
  body: {
    ...WebhookPayload,
    'x-examples': {
      original: { summary: "The original application's payload", value: ORIGINAL_PAYLOAD_EXAMPLE },
      template: {
        summary: 'As TradingView sends the placeholder template (lower-case action, quoted numbers)',
        value: { ...ORIGINAL_PAYLOAD_EXAMPLE, direction: 'buy', price: '15000.50', quantity: '2', alertId: 'Long-2026-11-25T14:30:00Z' },
      },
      bracket: { summary: 'A bracket: entry with a take-profit 20 points above and a stop 40 ticks below, resting at IB', value: BRACKET_PAYLOAD_EXAMPLE },
      trailing: {
        summary: 'A limit entry with an absolute take-profit and a trailing stop instead of a fixed one, outside regular hours too',
        value: { ...ORIGINAL_PAYLOAD_EXAMPLE, orderType: 'LMT', limitPrice: 15000, takeProfit: 15100, trailingStop: { amount: 25 }, outsideRth: true },
      },
    },
  },
  response: {
    200: { ...WebhookReply, description: 'Stored (accepted) or recognised as a repeat (duplicate)' },
    400: { ...ErrorResponse, description: 'Malformed JSON or invalid fields — every bad field is listed',
      ...errorExample('invalid_payload', 'The alert is invalid: direction must be BUY, SELL, EXIT (or CLOSE, FLAT), REVERSE or CANCEL.',
        [{ field: 'direction', problem: 'must be BUY, SELL, EXIT (or CLOSE, FLAT), REVERSE or CANCEL' }]) },
    401: { ...ErrorResponse, description: 'Secret missing or wrong',
      ...errorExample('unauthorized', 'Not authenticated: secret does not match. Put your webhook secret in the "secmgs" field.') },
    413: { ...ErrorResponse, description: 'Body over 64 KB', ...errorExample('payload_too_large', 'The body is larger than 64 KB.') },
    415: { ...ErrorResponse, description: 'Neither application/json nor text/plain',
      ...errorExample('unsupported_media_type', 'Content-Type "application/xml" is not supported: send application/json or text/plain.') },
    429: { ...ErrorResponse,
      description: 'Over WEBHOOK_RATE_LIMIT_PER_MINUTE, or over WEBHOOK_FAILURE_LIMIT_PER_MINUTE requests without a valid secret from this address (not stored)',
      ...errorExample(TOO_MANY_FAILURES.error, TOO_MANY_FAILURES.message) },
    503: { ...ErrorResponse, description: 'The alert could not be stored and was NOT accepted',
      ...errorExample('unavailable', 'The alert could not be stored (database unavailable) and was not accepted. Retry.') },
  },
};

/**
 * POST /webhook. Runs in its own encapsulated context: every content type arrives as raw bytes, so the intake
 * can record (redacted) exactly what was sent, including bodies that are not JSON.
 */
export async function webhookRoutes(app: FastifyInstance, opts: { intake: WebhookIntake; rateLimitPerMinute: number }): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT_BYTES }, (_req, body, done) => done(null, body));

  const respond = async (reply: FastifyReply, work: Promise<WebhookResponse>) => {
    try {
      const result = await work;
      return reply.code(result.statusCode).send(result.body);
    } catch (error) {
      if (!(error instanceof DatabaseUnavailableError)) throw error;
      reply.log.error({ err: error }, 'alert not stored: database unavailable');
      return reply.code(503).send({
        error: 'unavailable',
        message: 'The alert could not be stored (database unavailable) and was not accepted. Retry.',
      });
    }
  };

  app.setErrorHandler(async (error: Error & { code?: string; statusCode?: number }, req: FastifyRequest, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return respond(reply, opts.intake.handle(intakeRequest(req, null)));
    }
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) req.log.error({ err: error }, 'webhook failed');
    return reply.code(status).send({ error: status === 500 ? 'internal' : 'bad_request', message: error.message });
  });

  const rateLimit = opts.rateLimitPerMinute > 0 ? { max: opts.rateLimitPerMinute, timeWindow: '1 minute' } : false;
  // No browser renders a webhook reply: helmet's per-request header building is pure cost on the hot path.
  app.post('/webhook', { schema, helmet: false, config: { access: 'public', sameOrigin: false, rateLimit }, validatorCompiler: () => () => true }, async (req, reply) =>
    respond(reply, opts.intake.handle(intakeRequest(req, (req.body as Buffer | undefined) ?? Buffer.alloc(0)))));
}

function intakeRequest(req: FastifyRequest, raw: Buffer | null) {
  return { raw, contentType: req.headers['content-type'], clientIp: req.ip, receivedAt: req.receivedAt };
}
