import type { FieldProblem } from '@tradehook/contracts';
import { isSecretField, REDACTED, type Redactor } from './redact';

export const SECRET_OUT_OF_PLACE = 'contains a secret: a secret must only be in secmgs';

/** The free-text field: a secret pasted there is redacted and the alert still trades (the text never reaches IB). */
const FREE_TEXT = 'alert';

export interface RedactedFields {
  /** The body with every string value redacted: what validation, the columns and the idempotency key derive from. */
  fields: Record<string, unknown>;
  /** A field Tradehook acts on (strategy, ticker, exchange, alertId…) held a secret: the alert is refused. */
  problems: FieldProblem[];
}

/**
 * Redacts each field's value as sent, before anything normalises it: redaction matches secrets exactly, so an
 * upper-cased "rt-secret-…" in exchange or symbol would no longer be recognised, and would be stored, shown and
 * sent to IB as a contract. Secret fields are left alone (they are the secret; extractSecret read them already).
 */
export function redactFields(fields: Record<string, unknown>, redactor: Redactor): RedactedFields {
  const out: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const redacted = typeof value === 'string' && !isSecretField(key) ? redactor.text(value) : value;
    if (redacted !== value && key !== FREE_TEXT) problems.push({ field: key, problem: SECRET_OUT_OF_PLACE });
    out[key] = redacted;
  }
  return { fields: out, problems };
}

/** The body field behind a column, where their names differ. */
const FIELD_OF_COLUMN: Record<string, string> = {
  strategy: 'stratName', external_id: 'alertId', order_type: 'orderType', limit_price: 'limitPrice',
  stop_price: 'stopPrice', sec_type: 'secType',
};

/**
 * Columns a normalised value made secret (an upper-cased "abcdefgh…" when the secret is "ABCDEFGH…"), named as
 * problems: such an alert is refused like one with a secret in a field as sent.
 */
export function secretColumns(columns: Record<string, string | null>, scrubbed: Record<string, string | null>): FieldProblem[] {
  return Object.keys(columns)
    .filter((key) => key !== 'alert_text' && columns[key] !== scrubbed[key])
    .map((key) => ({ field: FIELD_OF_COLUMN[key] ?? key, problem: SECRET_OUT_OF_PLACE }));
}

/** The fields a refused alert is stored with: those that held a secret, in any form, replaced whole. */
export function withoutSecretFields(fields: Record<string, unknown>, problems: FieldProblem[]): Record<string, unknown> {
  const out = { ...fields };
  for (const p of problems) if (p.problem === SECRET_OUT_OF_PLACE) out[p.field] = REDACTED;
  return out;
}
