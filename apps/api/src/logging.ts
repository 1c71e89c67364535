import pino, { type DestinationStream, type Logger } from 'pino';

/** Log paths that may carry secrets, whatever logs them. */
const REDACT = ['req.headers.authorization', 'req.headers.cookie', '*.secmgs', '*.secret', '*.passphrase', '*.password'];

/** A URL's query string may carry a token: logs keep the path only. */
const pathOnly = (url: unknown) => (typeof url === 'string' ? url.split('?')[0] : url);
/** `?name=value…` inside an error's text (Fastify quotes request URLs in some messages). */
const QUERY_IN_TEXT = /\?[\w.%[\]-]+=[^\s"'`)]*/g;
const withoutQuery = (text: unknown) => (typeof text === 'string' ? text.replace(QUERY_IN_TEXT, '?[query hidden]') : text);

/**
 * Request and error serializers that keep request data out of the log: Fastify's own `req` serializer logs the
 * whole URL, and a TypeORM QueryFailedError carries the values bound into the failed SQL (`parameters`) — filters,
 * query parameters, alert fields — so those are dropped; the SQL text and PostgreSQL's error stay.
 */
const serializers = {
  req: (req: { method?: string; url?: string; ip?: string }) => ({ method: req.method, url: pathOnly(req.url), remoteAddress: req.ip }),
  err: (error: unknown) => {
    const serialized: unknown = pino.stdSerializers.err(error as Error);
    if (typeof serialized !== 'object' || serialized === null) return serialized;
    const { parameters: _bound, ...rest } = serialized as Record<string, unknown>;
    return { ...rest, message: withoutQuery(rest.message), stack: withoutQuery(rest.stack) };
  },
};

/** Structured JSON logs (one line per event); `stream` lets tests read exactly what would be written. */
export function createLogger(level: string, stream?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' }, serializers };
  return stream ? pino(options, stream) : pino(options);
}
