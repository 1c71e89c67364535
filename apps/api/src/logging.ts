import pino, { type DestinationStream, type Logger } from 'pino';

/** Log paths that may carry secrets, whatever logs them. */
const REDACT = ['req.headers.authorization', 'req.headers.cookie', '*.secmgs', '*.secret', '*.passphrase', '*.password'];

/** Structured JSON logs (one line per event); `stream` lets tests read exactly what would be written. */
export function createLogger(level: string, stream?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' } };
  return stream ? pino(options, stream) : pino(options);
}
