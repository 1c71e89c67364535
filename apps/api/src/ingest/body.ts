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
    // PostgreSQL cannot store U+0000 in text: refused here, or it would fail the write and look like an outage.
    if (trimmed.includes('\\u0000') && holdsNul(value)) {
      return { ok: false, text, problem: 'The body contains a NUL character (\\u0000), which cannot be stored: remove it from the alert message.' };
    }
    return { ok: true, text, value };
  } catch (e) {
    // V8 quotes a slice of the body after ', "' — it could hold the secret, so only the diagnosis is kept.
    const detail = (e instanceof Error ? e.message : String(e)).split(/, "|\s+\.\.\./)[0];
    return { ok: false, text, problem: `The body is not valid JSON (${detail}). Check quotes and commas in the alert message.` };
  }
}

/** True when any key or string inside a parsed JSON value holds U+0000. Iterative: bodies may nest deeply. */
function holdsNul(value: unknown): boolean {
  const pending = [value];
  while (pending.length) {
    const next = pending.pop();
    if (typeof next === 'string' && next.includes('\u0000')) return true;
    if (typeof next !== 'object' || next === null) continue;
    for (const [key, inner] of Object.entries(next)) {
      if (key.includes('\u0000')) return true;
      pending.push(inner);
    }
  }
  return false;
}
