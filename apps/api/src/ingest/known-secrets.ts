import { hash } from 'node:crypto';

/** WEBHOOK_SECRET's minimum (config.ts); per-strategy secrets need 16+. Shorter tokens are never hashed. */
export const MIN_SECRET_LENGTH = 8;
/** The longest per-strategy secret the admin API takes (contracts: rotateSecret maxLength). */
export const MAX_STRATEGY_SECRET_LENGTH = 200;

/** generateStrategySecret's length (24 random bytes in base64url): the length looked for glued to other letters. */
export const GENERATED_SECRET_LENGTH = 32;
/** Windows hashed per request at most, looking for a glued secret: ≈0.2 ms at worst; most alerts need none. */
export const GLUED_WINDOW_BUDGET = 256;

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
  /** Where a generated secret is glued inside `run`, a run of base64url characters (see KnownSecrets.gluedIn). */
  gluedIn(run: string): number[];
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
  /** Runs found to hold no glued secret, forgotten with notSecret. */
  private readonly notGlued = new Set<string>();
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
   * The secrets as one request sees them: with the secret its sender gave, known in clear meanwhile, searched as
   * text too (found glued to anything: one more indexOf per piece of text), and a budget of GLUED_WINDOW_BUDGET
   * windows for other strategies' generated secrets glued to letters.
   */
  including(secret: string | null): SecretSet {
    const extra = secret !== null && secret.length >= MIN_SECRET_LENGTH && !this.clear.includes(secret);
    const budget = { left: GLUED_WINDOW_BUDGET };
    return {
      clear: extra ? [...this.clear, secret] : this.clear,
      maxLength: extra ? Math.max(this.maxLength, secret.length) : this.maxLength,
      anyHashed: this.anyHashed,
      is: (token) => this.is(token),
      gluedIn: (run) => this.gluedIn(run, budget),
    };
  }

  /**
   * Whether `token` is, exactly, one of the secrets. Answers "no" from memory for a token seen since the secrets
   * last changed: only tokens that are not secrets are remembered, so a new secret is never missed.
   */
  is(token: string): boolean {
    if (token.length < MIN_SECRET_LENGTH || token.length > this.maxLength) return false;
    const hashes = this.currentHashes();
    if (this.notSecret.has(token)) return false;
    const digest = secretHash(token);
    if (digest === this.globalHash || hashes.has(digest)) return true;
    this.notSecret.add(token);
    return false;
  }

  /**
   * Where a secret GENERATED_SECRET_LENGTH long starts inside `run` (base64url characters: "xx<secret>yy"), each
   * window hashed while `budget` lasts (none outside a request). A run scanned whole and found clean is remembered.
   * Secrets an admin typed, of other lengths, are found as whole tokens only.
   */
  gluedIn(run: string, budget = { left: 0 }): number[] {
    const found: number[] = [];
    if (run.length <= GENERATED_SECRET_LENGTH || budget.left <= 0) return found;
    const hashes = this.currentHashes();
    if (this.notGlued.has(run)) return found;
    for (let at = 0; at + GENERATED_SECRET_LENGTH <= run.length && budget.left-- > 0; at++) {
      if (!hashes.has(secretHash(run.slice(at, at + GENERATED_SECRET_LENGTH)))) continue;
      found.push(at);
      at += GENERATED_SECRET_LENGTH - 1;
    }
    if (found.length === 0 && budget.left >= 0) this.notGlued.add(run); // scanned to its end
    return found;
  }

  /** The strategy hashes, the caches emptied when they changed (or grew too large). */
  private currentHashes(): ReadonlySet<string> {
    const hashes = this.strategyHashes();
    if (hashes !== this.notSecretFor || this.notSecret.size + this.notGlued.size >= NOT_SECRET_CACHE_SIZE) {
      this.notSecret.clear();
      this.notGlued.clear();
      this.notSecretFor = hashes;
    }
    return hashes;
  }
}
