import { hash } from 'node:crypto';

/** WEBHOOK_SECRET's minimum (config.ts); per-strategy secrets need 16+. Shorter tokens are never hashed. */
export const MIN_SECRET_LENGTH = 8;
/** The longest per-strategy secret the admin API takes (contracts: rotateSecret maxLength). */
export const MAX_STRATEGY_SECRET_LENGTH = 200;

/** Tokens remembered as not secret, at most (then forgotten at once): alerts repeat their names and texts. */
const NOT_SECRET_CACHE_SIZE = 4_096;

/** The stored form of a strategy secret (hashStrategySecret): SHA-256, hex. One-shot, twice as fast as createHash. */
export const secretHash = (token: string): string => hash('sha256', token, 'hex');

/** What redaction looks for: secrets known in clear (searched as text) and a lookup for the hashed ones. */
export interface SecretSet {
  /** Searched for as plain text: found even glued to other characters ("xx<secret>yy"). */
  readonly clear: readonly string[];
  /** Tokens longer than every secret cannot be one: not hashed. */
  readonly maxLength: number;
  /** Whether any secret is known only by its hash (else the text search is enough). */
  readonly anyHashed: boolean;
  /** Whether `token` is, exactly, one of the secrets. */
  is(token: string): boolean;
}

/**
 * Every secret that must never be stored: WEBHOOK_SECRET and each strategy's own secret. Strategy secrets exist
 * only as hashes (the strategies table, the strategy store), so a piece of text is recognised by hashing it and
 * looking the digest up: nothing here holds a strategy secret in clear. The global secret is in the configuration
 * anyway, so it is also searched for as plain text (it is then found even glued to other characters).
 */
export class KnownSecrets implements SecretSet {
  private readonly globalHash: string;
  readonly clear: readonly string[];
  readonly maxLength: number;
  /** Tokens found not to be a secret, valid for one set of hashes (the store replaces the set on every load). */
  private readonly notSecret = new Set<string>();
  private notSecretFor: ReadonlySet<string> | null = null;

  constructor(
    readonly globalSecret: string,
    /** The current per-strategy secret hashes (the strategy store keeps this set up to date). */
    private readonly strategyHashes: () => ReadonlySet<string>,
  ) {
    this.globalHash = secretHash(globalSecret);
    this.clear = [globalSecret];
    this.maxLength = Math.max(MAX_STRATEGY_SECRET_LENGTH, globalSecret.length);
  }

  /** Whether any strategy has a secret of its own: without one, searching for the global secret as text is enough. */
  get anyHashed(): boolean {
    return this.strategyHashes().size > 0;
  }

  /**
   * These secrets plus one known in clear for the length of a request (the one its sender gave): also searched as
   * text, so that secret is found glued to other characters too. Costs one more indexOf per piece of text.
   */
  including(secret: string | null): SecretSet {
    if (secret === null || secret.length < MIN_SECRET_LENGTH || this.clear.includes(secret)) return this;
    return {
      clear: [...this.clear, secret],
      maxLength: Math.max(this.maxLength, secret.length),
      anyHashed: this.anyHashed,
      is: (token) => this.is(token),
    };
  }

  /**
   * Whether `token` is, exactly, one of the secrets. Answers "no" from memory for a token seen since the secrets
   * last changed: only tokens that are not secrets are remembered, so a new secret is never missed.
   */
  is(token: string): boolean {
    if (token.length < MIN_SECRET_LENGTH || token.length > this.maxLength) return false;
    const hashes = this.strategyHashes();
    if (hashes !== this.notSecretFor || this.notSecret.size >= NOT_SECRET_CACHE_SIZE) {
      this.notSecret.clear();
      this.notSecretFor = hashes;
    }
    if (this.notSecret.has(token)) return false;
    const digest = secretHash(token);
    if (digest === this.globalHash || hashes.has(digest)) return true;
    this.notSecret.add(token);
    return false;
  }
}
