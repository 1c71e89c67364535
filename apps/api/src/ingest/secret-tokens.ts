import { GENERATED_SECRET_LENGTH, MIN_SECRET_LENGTH, type SecretSet } from './known-secrets';

export const REDACTED = '[redacted]';

/** Replace [start, end) of a text with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * How text is cut into candidate tokens, coarsest first. A secret is found when it stands alone at some level:
 * between spaces or quotes (whatever its characters), between common punctuation ("secmgs=…", "key:…,"), or as
 * a run of the characters generated secrets are made of (base64url), in which a generated secret glued to other
 * letters ("xx<secret>yy") is looked for too (SecretSet.gluedIn). Not found: a secret an admin typed, glued to other
 * text ("x:p@ss!word:y", "xx<typed secret>yy"), except the secrets known in clear (WEBHOOK_SECRET, the request's own
 * secret), which are also searched as text.
 */
const LEVELS = [/[^\s"'`\\]+/g, /[^\s"'`\\,;:=&?|(){}[\]<>]+/g, /[\w-]+/g];
/** Nothing any level would cut: most names and values are one such token. */
const UNCUT = /^[\w-]*$/;

/**
 * Pushes an edit replacing each known secret in `text` (positions shifted by `offset`): the whole text (a JSON
 * string that is a secret, spaces and all), then its tokens. Only pieces of a length a secret can have are hashed,
 * and each distinct piece once: a typical alert costs a handful of SHA-256 digests.
 */
export function findSecrets(text: string, secrets: SecretSet, offset = 0, out: Edit[] = []): Edit[] {
  if (text.length < MIN_SECRET_LENGTH) return out;
  for (const s of secrets.clear) {
    for (let at = text.indexOf(s); at !== -1; at = text.indexOf(s, at + s.length)) {
      out.push({ start: offset + at, end: offset + at + s.length, text: REDACTED });
    }
  }
  if (!secrets.anyHashed) return out; // the fast path: the clear secrets are found as text above
  if (secrets.is(text)) out.push({ start: offset, end: offset + text.length, text: REDACTED });
  else if (UNCUT.test(text)) glued(text, offset, secrets, out);
  else scan(text, offset, 0, secrets, out);
  return out;
}

function scan(text: string, offset: number, level: number, secrets: SecretSet, out: Edit[]): void {
  const pattern = LEVELS[level]; // each level its own regex: a nested scan never moves this one's lastIndex
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const token = match[0];
    if (token.length < MIN_SECRET_LENGTH) continue;
    const start = offset + match.index;
    // The whole of the parent text was looked up already.
    if (token.length !== text.length && secrets.is(token)) out.push({ start, end: start + token.length, text: REDACTED });
    else if (UNCUT.test(token)) glued(token, start, secrets, out);
    else if (level + 1 < LEVELS.length) scan(token, start, level + 1, secrets, out);
  }
}

/** A run of base64url characters (UNCUT) longer than a generated secret may hold one glued to other letters. */
function glued(run: string, offset: number, secrets: SecretSet, out: Edit[]): void {
  for (const at of secrets.gluedIn(run)) out.push({ start: offset + at, end: offset + at + GENERATED_SECRET_LENGTH, text: REDACTED });
}

/**
 * `text` with the edits made, reading the original only up to `upTo` (an edit starting before it is made whole).
 * Overlapping edits (the global secret found both as text and as a token) are merged into the first.
 */
export function applyEdits(text: string, edits: Edit[], upTo = text.length): string {
  if (edits.length === 0) return upTo >= text.length ? text : text.slice(0, upTo);
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start >= upTo) break;
    if (edit.start < at) {
      at = Math.max(at, edit.end);
      continue;
    }
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return at < upTo ? out + text.slice(at, upTo) : out;
}
