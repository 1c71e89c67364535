import path from 'node:path';

/** Every setting Tradehook reads from the environment, validated once at start-up. */
export interface Config {
  port: number;
  host: string;
  publicUrl: string | null;
  databaseUrl: string | null;
  dataDir: string;
  webhookSecret: string;
  webhookSecretIsExample: boolean;
  logLevel: string;
  duplicateWindowSeconds: number;
  /** How long an alert may wait for its commit before the webhook answers 503 (TradingView waits 3 s). */
  ingestDeadlineMs: number;
  trustedProxies: string[];
  corsOrigins: string[];
  webhookRateLimitPerMinute: number;
  /** Requests without a valid secret per minute per address that are still recorded; beyond, 429 and nothing stored. */
  webhookFailureLimitPerMinute: number;
  http: {
    /** The whole request (headers and body) must arrive within this; slow senders are cut off. */
    requestTimeoutMs: number;
    /** Open connections beyond this are refused. */
    maxConnections: number;
    /** Open connections one address may hold (this machine and TRUSTED_PROXIES exempt). */
    maxConnectionsPerAddress: number;
    /** Live event streams one session may hold open at once (one per browser tab). */
    eventStreamsPerSession: number;
  };
  adminUser: string | null;
  adminPassword: string | null;
  ib: {
    host: string | null;
    port: number | null;
    clientId: number;
    allowLive: boolean;
    maxMessagesPerSecond: number;
    /** Silence from IB after which it is asked for the time; as long again without an answer is a dead link. */
    heartbeatSeconds: number;
  };
  orderMaxAgeSeconds: number;
  killSwitch: boolean;
  webDistDir: string;
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  metricsToken: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** The secret printed in the original product's documentation; accepted only when nothing else is set. */
export const EXAMPLE_WEBHOOK_SECRET = 'your_secret_message';
export const LIVE_PORTS = [7496, 4001];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = (name: string) => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const int = (name: string, fallback: number | null, min: number, max: number): number | null => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}="${raw}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string): boolean => {
    const raw = read(name)?.toLowerCase();
    if (raw === undefined) return false;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    problems.push(`${name}="${raw}" must be true or false`);
    return false;
  };

  const list = (name: string) => (read(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const adminPassword = read('ADMIN_PASSWORD');
  if (adminPassword && adminPassword.length < 10) problems.push('ADMIN_PASSWORD must be at least 10 characters');
  const databaseUrl = read('DATABASE_URL') ?? null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const logLevel = read('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL="${logLevel}" must be one of ${LOG_LEVELS.join(', ')}`);
  const publicUrl = read('PUBLIC_URL') ?? null;
  if (publicUrl && !/^https?:\/\/[^\s]+$/.test(publicUrl)) problems.push('PUBLIC_URL must be an http(s) URL');

  const ibHost = read('IB_HOST') ?? null;
  const ibPort = int('IB_PORT', ibHost ? 4002 : null, 1, 65535);
  const allowLive = bool('IB_ALLOW_LIVE');
  if (ibPort !== null && LIVE_PORTS.includes(ibPort) && !allowLive) {
    problems.push(`IB_PORT=${ibPort} is a live-trading port; set IB_ALLOW_LIVE=true to trade real money`);
  }
  const secret = read('WEBHOOK_SECRET');
  if (!secret && allowLive) problems.push('WEBHOOK_SECRET must be set when IB_ALLOW_LIVE=true');
  // The example secret is public, and the webhook takes cross-site posts by design: any web page could then trade.
  else if (!secret && ibHost) problems.push('WEBHOOK_SECRET must be set when IB_HOST names a real Gateway (the example secret is public)');
  if (secret && secret.length < 8) problems.push('WEBHOOK_SECRET must be at least 8 characters');

  const config: Config = {
    port: int('PORT', 3000, 0, 65535)!,
    host: read('HOST') ?? '127.0.0.1',
    publicUrl,
    databaseUrl,
    dataDir: path.resolve(read('DATA_DIR') ?? './.data'),
    webhookSecret: secret ?? EXAMPLE_WEBHOOK_SECRET,
    webhookSecretIsExample: !secret,
    logLevel,
    duplicateWindowSeconds: int('DUPLICATE_WINDOW_SECONDS', 10, 0, 86_400)!,
    ingestDeadlineMs: int('INGEST_DEADLINE_MS', 2_000, 100, 60_000)!,
    trustedProxies: list('TRUSTED_PROXIES'),
    corsOrigins: list('CORS_ORIGINS'),
    webhookRateLimitPerMinute: int('WEBHOOK_RATE_LIMIT_PER_MINUTE', 1200, 0, 1_000_000)!,
    webhookFailureLimitPerMinute: int('WEBHOOK_FAILURE_LIMIT_PER_MINUTE', 60, 0, 1_000_000)!,
    http: {
      requestTimeoutMs: int('HTTP_REQUEST_TIMEOUT_MS', 10_000, 1_000, 300_000)!,
      maxConnections: int('HTTP_MAX_CONNECTIONS', 2_000, 10, 1_000_000)!,
      maxConnectionsPerAddress: int('HTTP_MAX_CONNECTIONS_PER_ADDRESS', 50, 1, 1_000_000)!,
      eventStreamsPerSession: int('EVENT_STREAMS_PER_SESSION', 4, 1, 100)!,
    },
    adminUser: read('ADMIN_USER') ?? null,
    adminPassword: read('ADMIN_PASSWORD') ?? null,
    ib: {
      host: ibHost,
      port: ibPort,
      clientId: int('IB_CLIENT_ID', 17, 0, 2_147_483_647)!,
      allowLive,
      maxMessagesPerSecond: int('IB_MAX_MESSAGES_PER_SECOND', 48, 1, 50)!,
      heartbeatSeconds: int('IB_HEARTBEAT_SECONDS', 10, 1, 300)!,
    },
    orderMaxAgeSeconds: int('ORDER_MAX_AGE', 60, 1, 86_400)!,
    killSwitch: bool('KILL_SWITCH'),
    webDistDir: path.resolve(read('WEB_DIST_DIR') ?? path.join(__dirname, '../../web/dist')),
    metricsToken: read('METRICS_TOKEN') ?? null,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
