import { createHash } from 'node:crypto';
import { strategyKey, WEBHOOK_BODY_LIMIT_BYTES, type ErrorResponse, type FieldProblem, type WebhookReply } from '@tradehook/contracts';
import type { AlertRecord, AlertWriter } from './alert-writer';
import type { Authenticator } from './authenticate';
import { parseBody } from './body';
import { toDecimal } from './decimal';
import type { FailureLimiter } from './failure-limiter';
import { redactFields, secretColumns, withoutSecretFields } from './field-secrets';
import type { Redactor, StoredBody } from './redact';
import { extractSecret } from './secret';
import { isoMicros } from './time';
import { validatePayload, type LookAlikeCheck, type NormalizedAlert } from './validate';

export interface WebhookRequest {
  raw: Buffer | null;
  contentType: string | undefined;
  clientIp: string;
  /** Epoch ms (sub-ms precision) when the request arrived. */
  receivedAt: number;
}

export interface WebhookResponse {
  statusCode: number;
  body: WebhookReply | ErrorResponse;
}

const ACCEPTED_TYPES = /^(application\/json|text\/plain)(\s*;|$)/i;
export const BODY_LIMIT_BYTES = WEBHOOK_BODY_LIMIT_BYTES;

/**
 * The way of one alert up to its durable write: content type → JSON → secret → schema → one committed row.
 * Every attempt that carried a body is recorded, rejected ones with their reason.
 */
export class WebhookIntake {
  constructor(
    private readonly writer: AlertWriter,
    private readonly authenticate: Authenticator,
    private readonly redactor: Redactor,
    private readonly warn: (message: string, error: unknown) => void,
    /** The optional IP allowlist (off by default). */
    private readonly addressAllowed: (ip: string) => boolean = () => true,
    /** Caps what requests without a valid secret may store (none: no cap). */
    private readonly failures?: FailureLimiter,
    /** Refuses a stratName that passes for a configured strategy (the strategy cache: no query). */
    private readonly lookAlike?: LookAlikeCheck,
  ) {}

  async handle(req: WebhookRequest): Promise<WebhookResponse> {
    const base = { received_at: isoMicros(req.receivedAt), client_ip: req.clientIp };
    if (!this.addressAllowed(req.clientIp)) {
      return this.reject(base, req.raw?.toString('utf8') ?? null, null, 403, 'forbidden_address',
        `Requests from ${req.clientIp} are not allowed: the IP allowlist is on.`);
    }
    if (req.raw === null) {
      return this.reject(base, null, null, 413, 'payload_too_large', `The body is larger than ${BODY_LIMIT_BYTES / 1024} KB.`);
    }
    if (req.contentType !== undefined && !ACCEPTED_TYPES.test(req.contentType)) {
      const text = req.raw.toString('utf8');
      return this.reject(base, text, null, 415, 'unsupported_media_type',
        `Content-Type "${req.contentType}" is not supported: send application/json or text/plain (TradingView sends either).`);
    }
    const parsed = parseBody(req.raw);
    if (!parsed.ok) return this.reject(base, parsed.text, null, 400, 'malformed_body', parsed.problem);
    const body = parsed.value;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return this.reject(base, parsed.text, null, 400, 'invalid_payload', 'The body must be a JSON object like the example.',
        { details: [{ field: '', problem: 'must be a JSON object' }] });
    }
    const fields = body as Record<string, unknown>;
    const strategy = typeof fields.stratName === 'string' ? fields.stratName.slice(0, 100) : null;
    const secret = extractSecret(fields);
    // The secret given is known in clear during this request: searched as text, it is found glued to anything.
    const redactor = this.redactor.including(secret);
    const auth = await this.authenticate(secret, strategy);
    if (!auth.ok) {
      return this.reject(base, parsed.text, fields, 401, 'unauthorized',
        `Not authenticated: ${auth.reason}. Put your webhook secret in the "secmgs" field.`, { redactor });
    }
    // Everything stored or traded derives from the redacted values; a secret where it does not belong refuses the alert.
    const clean = redactFields(fields, redactor);
    const validation = validatePayload(clean.fields, this.lookAlike);
    const columns = validation.ok ? this.scrub(columnsOf(validation.alert), redactor) : null;
    const problems = firstPerField([...clean.problems,
      ...(validation.ok ? secretColumns(columnsOf(validation.alert), columns!) : validation.problems)]);
    if (!validation.ok || !columns || problems.length) {
      const list = problems.map((p) => `${p.field || 'body'} ${p.problem}`).join('; ');
      return this.reject(base, parsed.text, withoutSecretFields(clean.fields, problems), 400, 'invalid_payload',
        `The alert is invalid: ${list}.`, { details: problems, redactor, authenticated: true });
    }
    const { alert } = validation;
    const redacted = this.redactBody(parsed.text, redactor).text;
    const outcome = await this.writer.write({
      ...base,
      ...columns,
      raw_body: redacted,
      body_hash: createHash('sha256').update(redacted).digest('hex'),
      // Keyed as strategies are found (strategyKey: Unicode form, spacing and case ignored); redacted, as it is stored.
      idempotency_key: columns.external_id ? JSON.stringify([strategyKey(alert.strategy), columns.external_id]) : null,
      signal: alert.signal,
      exits: alert.exits,
      status: 'accepted',
      reason: null,
      http_status: 200,
    }, req.receivedAt);
    const id = outcome.status === 'duplicate' ? outcome.originalId! : outcome.id;
    return { statusCode: 200, body: { id, status: outcome.status === 'duplicate' ? 'duplicate' : 'accepted' } };
  }

  /** A body as it may be stored, cut to `limitBytes` when given (see Redactor.body). */
  private redactBody(text: string, redactor: Redactor, limitBytes?: number): StoredBody {
    return redactor.body(storable(text), limitBytes);
  }

  /**
   * Columns as they may be stored: secrets removed, NUL made visible (see storable). The alert text is kept as
   * redactFields left it: never normalised, it would only be searched twice (the longest column, the costliest).
   */
  private scrub<T extends Record<string, string | null>>(columns: T, redactor: Redactor): T {
    const out: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(columns)) {
      out[key] = value === null ? null : storable(key === 'alert_text' ? value : redactor.text(value));
    }
    return out as T;
  }

  private async reject(
    base: Pick<AlertRecord, 'received_at' | 'client_ip'>,
    text: string | null,
    fields: Record<string, unknown> | null,
    statusCode: number,
    error: string,
    message: string,
    { details, redactor = this.redactor, authenticated = false }: {
      details?: FieldProblem[];
      /** The request's own (see KnownSecrets.including). */
      redactor?: Redactor;
      /** The sender knew the secret: its body is kept whole, and it is not counted as a failure. */
      authenticated?: boolean;
    } = {},
  ): Promise<WebhookResponse> {
    if (!authenticated && this.failures && !this.failures.admit(base.client_ip ?? '')) {
      return { statusCode: 429, body: TOO_MANY_FAILURES }; // not stored: see FailureLimiter
    }
    const str = (key: string) => (fields && typeof fields[key] === 'string' ? (fields[key] as string).slice(0, 100) : null);
    // Numbers are kept when they are numbers at all, so a rejected alert still shows what was sent.
    const num = (key: string) => {
      const v = fields?.[key];
      const d = typeof v === 'number' || typeof v === 'string' ? toDecimal(v, { maxAbs: 1e12, maxDecimals: 10 }) : null;
      return d?.ok ? d.value : null;
    };
    // Without the secret, only the head of the body is kept: 1,000 rejected requests then store 1 MB, not 64 MB.
    const body = text === null ? null : this.redactBody(text, redactor, authenticated ? undefined : REJECTED_BODY_LIMIT_BYTES);
    await this.writer.write({
      ...base,
      ...emptyColumns,
      ...this.scrub({
        strategy: str('stratName'), symbol: str('symbol'), exchange: str('exchange'), direction: str('direction'),
        price: num('price'), quantity: num('quantity'),
      }, redactor),
      raw_body: body?.text ?? null,
      raw_body_truncated: body?.truncated ?? false,
      body_hash: null,
      idempotency_key: null,
      status: 'rejected',
      reason: storable(redactor.text(`${statusCode} ${error}: ${message}`)),
      http_status: statusCode,
    }).catch((e: unknown) => this.warn('could not record a rejected alert', e));
    return { statusCode, body: details ? { error, message, details } : { error, message } };
  }
}

/** How much of a body sent without a valid secret is stored (the rest is dropped; the row says so). */
export const REJECTED_BODY_LIMIT_BYTES = 1024;

export const TOO_MANY_FAILURES = {
  error: 'too_many_failures',
  message: 'Too many requests without a valid secret from this address in the last minute: this one was not recorded. '
    + 'Check the webhook secret (secmgs); alerts with the right secret are still accepted.',
};

/** PostgreSQL text cannot hold NUL: made visible instead. */
const storable = (text: string) => (text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text);

const emptyColumns = {
  strategy: null, symbol: null, exchange: null, price: null, direction: null, quantity: null, order_type: null,
  limit_price: null, stop_price: null, tif: null, sec_type: null, currency: null, alert_text: null, external_id: null,
};

const firstPerField = (problems: FieldProblem[]) => problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i);

function columnsOf(a: NormalizedAlert) {
  return {
    strategy: a.strategy, symbol: a.symbol, exchange: a.exchange, price: a.price, direction: a.direction,
    quantity: a.quantity, order_type: a.orderType, limit_price: a.limitPrice, stop_price: a.stopPrice, tif: a.tif,
    sec_type: a.secType, currency: a.currency, alert_text: a.alertText, external_id: a.externalId,
  };
}
