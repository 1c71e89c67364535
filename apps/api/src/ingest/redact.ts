import { SECRET_FIELDS } from '@tradehook/contracts';
import { MIN_SECRET_LENGTH, type KnownSecrets, type SecretSet } from './known-secrets';
import { applyEdits, findSecrets, REDACTED, type Edit } from './secret-tokens';

export { REDACTED } from './secret-tokens';

const REDACTED_VALUE = `"${REDACTED}"`;
const FIELD_NAMES = new Set<string>(SECRET_FIELDS);
const NON_ASCII = /[^\x00-\x7f]/;
const SCALAR = /[^,}\]\s]*/y;
const BACKSLASH = 92;

/** A key names a secret field whatever its case, spacing or Unicode form ("SecMGS", "ｓｅｃｍｇｓ"); escapes are decoded first. */
export function isSecretField(key: string): boolean {
  if (key.length < 6 || key.length > 64) return false; // secret, secmgs … passphrase
  const lower = key.trim().toLowerCase();
  return FIELD_NAMES.has(lower) || (NON_ASCII.test(lower) && FIELD_NAMES.has(lower.normalize('NFKC').trim().toLowerCase()));
}

export interface StoredBody {
  text: string;
  /** Cut to the byte limit: the stored text is not the whole (redacted) body. */
  truncated: boolean;
}

/**
 * Removes secrets from what is stored. A body is read as JSON tokens, each string decoded ("sec\u006dgs" is
 * secmgs): the value of every key naming a secret field is replaced whatever it is, and every known secret found
 * in any other key or value (the alert text, a non-JSON body) — see findSecrets. Everything else keeps the
 * sender's exact bytes (15000.50 stays 15000.50). Text that is not valid JSON is read the same way, best effort.
 */
export class Redactor {
  private readonly secrets: SecretSet;

  constructor(private readonly known: KnownSecrets, secrets?: SecretSet) {
    this.secrets = secrets ?? known;
  }

  /** The redactor for one request: also searching for the secret it gave as text (see KnownSecrets.including). */
  including(secret: string | null): Redactor {
    return new Redactor(this.known, this.known.including(secret));
  }

  /** A value stored in a column of its own (strategy, alert text, a reason). */
  text(value: string): string {
    return applyEdits(value, findSecrets(value, this.secrets));
  }

  /**
   * The body to store, cut to at most `limitBytes` of UTF-8 when given. Only the head is read (the limit plus
   * the longest possible secret), and only original text before the cut is kept, so no fragment of a secret
   * straddling the cut survives.
   */
  body(text: string, limitBytes = Infinity): StoredBody {
    const window = limitBytes < text.length ? text.slice(0, limitBytes + this.secrets.maxLength) : text;
    let upTo = Math.min(window.length, limitBytes);
    if (upTo < window.length && isHighSurrogate(window.charCodeAt(upTo - 1))) upTo -= 1;
    const out = cutToBytes(applyEdits(window, this.edits(window, window.length < text.length), upTo), limitBytes);
    return { text: out.text, truncated: upTo < text.length || out.cut };
  }

  private edits(src: string, cutShort: boolean): Edit[] {
    const edits: Edit[] = [];
    let at = 0;
    while (at < src.length) {
      const quote = src.indexOf('"', at);
      const gapEnd = quote === -1 ? src.length : quote;
      if (gapEnd - at >= MIN_SECRET_LENGTH) findSecrets(src.slice(at, gapEnd), this.secrets, at, edits);
      if (quote === -1) break;
      const close = closingQuote(src, quote);
      const closed = close !== -1;
      const end = closed ? close + 1 : src.length;
      const inner = src.slice(quote + 1, closed ? close : end);
      const decoded = decode(inner);
      const colon = skipSpace(src, end);
      if (src[colon] === ':' && isSecretField(decoded)) {
        const value = skipSpace(src, colon + 1);
        at = valueEnd(src, value);
        if (at > value) edits.push({ start: value, end: at, text: REDACTED_VALUE });
        continue;
      }
      if (decoded === inner) {
        findSecrets(inner, this.secrets, quote + 1, edits); // no escapes: positions map one to one
      } else {
        // The last word of a literal cut short by the window may be part of a secret: dropped with the rest.
        const whole = cutShort && !closed ? decoded.replace(/\S*$/, '') : decoded;
        const redacted = applyEdits(whole, findSecrets(whole, this.secrets));
        if (redacted !== decoded) edits.push({ start: quote, end, text: JSON.stringify(redacted) });
      }
      at = end;
    }
    return edits;
  }
}

/** A literal's content decoded; as written when it has no escapes, or they are not valid JSON. */
function decode(inner: string): string {
  if (!inner.includes('\\')) return inner;
  try {
    return JSON.parse(`"${inner}"`) as string;
  } catch {
    return inner;
  }
}

function skipSpace(src: string, from: number): number {
  let i = from;
  while (i < src.length && (src.charCodeAt(i) <= 32)) i++;
  return i;
}

/** The quote closing the literal opened at `quote` (one not escaped by an odd number of backslashes), or -1. */
function closingQuote(src: string, quote: number): number {
  for (let i = src.indexOf('"', quote + 1); i !== -1; i = src.indexOf('"', i + 1)) {
    let backslashes = 0;
    while (i - backslashes - 1 > quote && src.charCodeAt(i - backslashes - 1) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return -1;
}

/** Just after the literal opened at `quote`: its closing quote, or the end of the text if it never closes. */
function literalEnd(src: string, quote: number): number {
  const close = closingQuote(src, quote);
  return close === -1 ? src.length : close + 1;
}

/** Where the JSON value starting at `from` ends: a string, an object or array (nested), or a scalar. */
function valueEnd(src: string, from: number): number {
  const first = src[from];
  if (first === '"') return literalEnd(src, from);
  if (first !== '{' && first !== '[') {
    SCALAR.lastIndex = from;
    SCALAR.exec(src);
    return SCALAR.lastIndex;
  }
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '"') {
      i = literalEnd(src, i) - 1;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if ((c === '}' || c === ']') && --depth === 0) {
      return i + 1;
    }
  }
  return src.length;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const encoder = new TextEncoder();

/** At most `limit` bytes of UTF-8, never splitting a character. */
function cutToBytes(text: string, limit: number): { text: string; cut: boolean } {
  if (text.length * 3 <= limit) return { text, cut: false };
  const { read } = encoder.encodeInto(text, new Uint8Array(limit));
  return read! < text.length ? { text: text.slice(0, read), cut: true } : { text, cut: false };
}
