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
    return { ok: true, text, value: JSON.parse(trimmed) };
  } catch (e) {
    // V8 quotes a slice of the body after ', "' — it could hold the secret, so only the diagnosis is kept.
    const detail = (e instanceof Error ? e.message : String(e)).split(/, "|\s+\.\.\./)[0];
    return { ok: false, text, problem: `The body is not valid JSON (${detail}). Check quotes and commas in the alert message.` };
  }
}
