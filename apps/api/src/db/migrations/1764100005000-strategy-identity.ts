import { GLOBAL_LIMIT_DEFAULTS, strategyDisplayName, strategyKey } from '@tradehook/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Strategy identity (issue 10): names are one strategy when they normalise alike (NFKC, whitespace collapsed, case
 * folded), so the database keeps them unique that way — a `name_key` column the app fills with `strategyKey` (the
 * one definition, shared with the webhook and the store), under a unique index replacing lower(name). Names are
 * stored in display form (NFKC, single spaces).
 *
 * Names that already share a key ("Risk 1" and "risk  1") cannot be merged safely (their limits and secrets differ),
 * so the migration stops and names them instead of choosing one: rename or delete all but one, then start again.
 *
 * Settings: the unknown-strategy policy's safe default `auto` (refuse once any strategy is configured) replaces the old
 * default `global_secret` (an install cannot tell a chosen value from a default, so the safe one wins: choose `allow`
 * again to trade unknown strategies), and the global per-order limits arrive with conservative defaults.
 */
export class StrategyIdentity1764100005000 implements MigrationInterface {
  name = 'StrategyIdentity1764100005000';

  async up(q: QueryRunner): Promise<void> {
    const rows: Array<{ id: string; name: string }> = await q.query(`SELECT id, name FROM strategies ORDER BY id`);
    const byKey = new Map<string, Array<{ id: string; name: string }>>();
    for (const row of rows) {
      const key = strategyKey(row.name);
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
    const clashes = [...byKey.values()].filter((group) => group.length > 1);
    if (clashes.length) {
      const list = clashes.map((group) => group.map((r) => `${JSON.stringify(r.name)} (id ${r.id})`).join(' / ')).join('; ');
      throw new Error('Strategy names are now the same strategy when they differ only in case, spacing or Unicode form '
        + `(fullwidth letters…), and these strategies clash: ${list}. Rename or delete all but one of each `
        + `(e.g. UPDATE strategies SET name = 'Risk1 old' WHERE id = …) and start Tradehook again.`);
    }
    await q.query(`DROP INDEX strategies_name_lower`);
    await q.query(`ALTER TABLE strategies ADD COLUMN name_key text`);
    for (const row of rows) {
      await q.query(`UPDATE strategies SET name = $2, name_key = $3 WHERE id = $1`,
        [row.id, strategyDisplayName(row.name), strategyKey(row.name)]);
    }
    await q.query(`ALTER TABLE strategies ALTER COLUMN name_key SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX strategies_name_key_unique ON strategies (name_key)`);

    await q.query(`UPDATE settings SET unknown_strategy_policy = 'auto' WHERE unknown_strategy_policy = 'global_secret'`);
    await q.query(`ALTER TABLE settings ALTER COLUMN unknown_strategy_policy SET DEFAULT 'auto',
      ADD CONSTRAINT settings_unknown_strategy_policy CHECK (unknown_strategy_policy IN ('auto', 'allow', 'refuse')),
      ADD COLUMN global_max_quantity numeric NOT NULL DEFAULT ${GLOBAL_LIMIT_DEFAULTS.globalMaxQuantity} CHECK (global_max_quantity > 0),
      ADD COLUMN global_max_notional numeric NOT NULL DEFAULT ${GLOBAL_LIMIT_DEFAULTS.globalMaxNotional} CHECK (global_max_notional > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE settings DROP COLUMN global_max_notional, DROP COLUMN global_max_quantity,
      DROP CONSTRAINT settings_unknown_strategy_policy, ALTER COLUMN unknown_strategy_policy SET DEFAULT 'global_secret'`);
    await q.query(`UPDATE settings SET unknown_strategy_policy = 'global_secret' WHERE unknown_strategy_policy IN ('auto', 'allow')`);
    await q.query(`CREATE UNIQUE INDEX strategies_name_lower ON strategies (lower(name))`);
    await q.query(`DROP INDEX strategies_name_key_unique`);
    await q.query(`ALTER TABLE strategies DROP COLUMN name_key`);
  }
}
