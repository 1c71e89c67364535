import type { StrategyRules } from '../strategies/strategy-store';
import { hashStrategySecret } from '../strategies/strategy-store';
import { secretMatcher, secretMatches } from './secret';

export type AuthResult = { ok: true } | { ok: false; reason: string };

/** Decides whether a secret may submit alerts for a strategy. */
export type Authenticator = (secret: string | null, strategy: string | null) => Promise<AuthResult>;

/**
 * The global WEBHOOK_SECRET is valid for every alert (the original payload keeps working); a strategy with its
 * own secret also accepts that one. Both comparisons run in constant time.
 */
export function secretAuthenticator(globalSecret: string, strategyOf: (name: string) => StrategyRules | undefined): Authenticator {
  const matchesGlobalSecret = secretMatcher(globalSecret);
  return async (secret, strategyName) => {
    if (secret === null) return { ok: false, reason: 'secret missing (secmgs)' };
    const own = strategyName ? strategyOf(strategyName)?.secretHash : null;
    const matchesOwn = own ? secretMatches(hashStrategySecret(secret), own) : false;
    const matchesGlobal = matchesGlobalSecret(secret);
    return matchesOwn || matchesGlobal ? { ok: true } : { ok: false, reason: 'secret does not match' };
  };
}
