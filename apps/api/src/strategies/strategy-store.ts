import { createHash, randomBytes } from 'node:crypto';
import { strategyKey, strategySkeleton, type PositionMode } from '@tradehook/contracts';
import type { DataSource } from 'typeorm';
import { PeriodicRefresh } from '../common/periodic-refresh';

export interface StrategyRules {
  id: number;
  name: string;
  enabled: boolean;
  secretHash: string | null;
  defaultQuantity: string | null;
  maxQuantity: string | null;
  maxNotional: string | null;
  allowedSymbols: string[] | null;
  tradingWindowStart: string | null;
  tradingWindowEnd: string | null;
  timeZone: string;
  defaultOrderType: string | null;
  positionMode: PositionMode;
}

/**
 * Strategy secrets are generated with 192 bits of entropy (or required to be 16+ characters), so a SHA-256 digest
 * protects them at rest while keeping the webhook's check to microseconds (argon2 is for human passwords).
 */
export const hashStrategySecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');
export const generateStrategySecret = (): string => randomBytes(24).toString('base64url');

export const STRATEGY_RULE_COLUMNS = `id, name, enabled, secret_hash AS "secretHash", default_quantity::text AS "defaultQuantity",
  max_quantity::text AS "maxQuantity", max_notional::text AS "maxNotional", allowed_symbols AS "allowedSymbols",
  trading_window_start AS "tradingWindowStart", trading_window_end AS "tradingWindowEnd", time_zone AS "timeZone",
  default_order_type AS "defaultOrderType", position_mode AS "positionMode"`;

/** Why a name that looks like a configured strategy is refused (see StrategyStore.lookingLike). */
export const lookAlikeProblem = (configured: string) =>
  `looks like the configured strategy "${configured}" but is another name (letters of another script, or 0/O, 1/l/I)`;

/** Every strategy's rules by name, cached for the webhook and the dispatcher; reloaded on change. */
export class StrategyStore {
  private byName = new Map<string, StrategyRules>();
  private bySkeleton = new Map<string, StrategyRules>();
  private hashes: ReadonlySet<string> = new Set();
  private readonly refresh = new PeriodicRefresh(() => this.load());

  constructor(private readonly db: DataSource) {}

  /** The strategy an alert's stratName designates: the one whose name has the same strategyKey ("RISK  1" is Risk 1). */
  get(name: string): StrategyRules | undefined {
    return this.byName.get(strategyKey(name));
  }

  /**
   * The configured strategy a name looks like without being it ("Ѕсоре" in Cyrillic, "Sc0pe" for Scope): the same
   * strategySkeleton, another key. Such a name is refused everywhere, whatever the unknown-strategy policy.
   */
  lookingLike(name: string): StrategyRules | undefined {
    return this.get(name) ? undefined : this.bySkeleton.get(strategySkeleton(name));
  }

  /** Why the webhook refuses a name that passes for a configured strategy, or null (see lookingLike). */
  imitationProblem(name: string): string | null {
    const imitated = this.lookingLike(name);
    return imitated ? lookAlikeProblem(imitated.name) : null;
  }

  /** How many strategies are configured (unknown ones are refused by default once there is one). */
  get size(): number {
    return this.byName.size;
  }

  /** Every per-strategy secret's hash (never the secrets), for recognising one in text that is stored. */
  secretHashes(): ReadonlySet<string> {
    return this.hashes;
  }

  all(): StrategyRules[] {
    return [...this.byName.values()];
  }

  start(): Promise<void> {
    return this.refresh.start();
  }

  stop(): void {
    this.refresh.stop();
  }

  async load(): Promise<void> {
    // Newest first, so that if two names ever shared a key (the unique name_key forbids it) the oldest one is kept.
    const rows: StrategyRules[] = await this.db.query(`SELECT ${STRATEGY_RULE_COLUMNS} FROM strategies ORDER BY id DESC`);
    this.byName = new Map(rows.map((r) => [strategyKey(r.name), r]));
    this.bySkeleton = new Map(rows.map((r) => [strategySkeleton(r.name), r]));
    this.hashes = new Set(rows.flatMap((r) => (r.secretHash ? [r.secretHash] : [])));
  }
}
