import { secretMatches } from './secret';

export type AuthResult = { ok: true } | { ok: false; reason: string };

/** Decides whether a secret may submit alerts for a strategy. */
export type Authenticator = (secret: string | null, strategy: string | null) => Promise<AuthResult>;

/** The global WEBHOOK_SECRET (per-strategy secrets layer on top of this). */
export function globalSecretAuthenticator(expected: string): Authenticator {
  return async (secret) => {
    if (secret === null) return { ok: false, reason: 'secret missing (secmgs)' };
    return secretMatches(secret, expected) ? { ok: true } : { ok: false, reason: 'secret does not match' };
  };
}
