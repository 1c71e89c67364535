import { SECRET_FIELDS } from '@tradehook/contracts';

export const REDACTED = '[redacted]';

const fieldPattern = new RegExp(
  `("(?:${SECRET_FIELDS.join('|')})"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|[^,}\\]\\s]+)`,
  'g',
);

/**
 * Removes secrets from text that will be stored or logged: the value of every secret field (whatever it is), and
 * any occurrence of a known secret anywhere else (a secret pasted into the alert text, a non-JSON body).
 * Works on the text itself so the stored body keeps the sender's exact bytes otherwise (15000.50 stays 15000.50).
 */
export function redactSecrets(text: string, knownSecrets: readonly string[]): string {
  // A secret field needs a quoted name: text without a quote (most single values) skips the pattern.
  let out = text.includes('"') ? text.replace(fieldPattern, `$1"${REDACTED}"`) : text;
  for (const secret of knownSecrets) {
    if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}
