/** Turns the raw request bytes into a JSON value, with a trader-readable reason when that is impossible. */
export type ParsedBody = { ok: true; text: string; value: unknown } | { ok: false; text: string | null; problem: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseBody(raw: Buffer): ParsedBody {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    return { ok: false, text: null, problem: 'The body is not valid UTF-8 text.' };
  }
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: false, text, problem: 'The body is empty: send the alert as a JSON object.' };
  try {
    const value: unknown = JSON.parse(trimmed);
    // PostgreSQL cannot store U+0000 or a lone UTF-16 surrogate (only a JSON escape can make either): refused
    // here, or the write would fail and look like an outage.
    if (trimmed.includes('\\u0000') && holds(value, (s) => s.includes('\u0000'))) {
      return { ok: false, text, problem: 'The body contains a NUL character (\\u0000), which cannot be stored: remove it from the alert message.' };
    }
    if (SURROGATE_ESCAPE.test(trimmed) && holds(value, (s) => LONE_SURROGATE.test(s))) {
      return { ok: false, text, problem: 'The body contains an invalid Unicode escape (a lone surrogate such as \\ud800), which cannot be stored: fix the alert message.' };
    }
    return { ok: true, text, value };
  } catch (e) {
    // V8 quotes a slice of the body after ', "' — it could hold the secret, so only the diagnosis is kept.
    const detail = (e instanceof Error ? e.message : String(e)).split(/, "|\s+\.\.\./)[0];
    return { ok: false, text, problem: `The body is not valid JSON (${detail}). Check quotes and commas in the alert message.` };
  }
}

const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when any key or string inside a parsed JSON value matches. Iterative: bodies may nest deeply. */
function holds(value: unknown, bad: (text: string) => boolean): boolean {
  const pending = [value];
  while (pending.length) {
    const next = pending.pop();
    if (typeof next === 'string' && bad(next)) return true;
    if (typeof next !== 'object' || next === null) continue;
    for (const [key, inner] of Object.entries(next)) {
      if (bad(key)) return true;
      pending.push(inner);
    }
  }
  return false;
}
