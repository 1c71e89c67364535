import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Strategy names are matched case-insensitively and without surrounding whitespace (an alert for "RISK1" must obey
 * Risk1's limits and secret), so they must also be unique that way: trims the stored names and replaces the
 * case-sensitive UNIQUE (name) with a unique index on lower(name).
 *
 * Names that already collide ("Risk1" and "risk1") cannot be merged safely (their limits and secrets differ), so
 * the migration stops and names them instead of choosing one: rename or delete all but one, then start again.
 */
export class StrategyNameCase1764100004000 implements MigrationInterface {
  name = 'StrategyNameCase1764100004000';

  async up(q: QueryRunner): Promise<void> {
    const trimmed = `regexp_replace(name, '^\\s+|\\s+$', '', 'g')`;
    const clashes: Array<{ names: string[] }> = await q.query(`
      SELECT array_agg(format('%s (id %s)', quote_literal(name), id) ORDER BY id) AS names
      FROM strategies GROUP BY lower(${trimmed}) HAVING count(*) > 1`);
    if (clashes.length) {
      throw new Error('Strategy names are now unique regardless of case and surrounding spaces, but these strategies '
        + `clash: ${clashes.map((c) => c.names.join(' / ')).join('; ')}. Rename or delete all but one of each `
        + `(e.g. UPDATE strategies SET name = 'Risk1 old' WHERE id = …) and start Tradehook again.`);
    }
    await q.query(`UPDATE strategies SET name = ${trimmed}, updated_at = now() WHERE name <> ${trimmed}`);
    await q.query(`ALTER TABLE strategies DROP CONSTRAINT IF EXISTS strategies_name_key`);
    await q.query(`CREATE UNIQUE INDEX strategies_name_lower ON strategies (lower(name))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX strategies_name_lower`);
    await q.query(`ALTER TABLE strategies ADD CONSTRAINT strategies_name_key UNIQUE (name)`);
  }
}
