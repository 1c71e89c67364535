import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contract an alert resolved to, kept on the alert (refused ones too: the trader sees what a ticker meant), and
 * the price band: an alert whose price is further than this from IB's reference price is refused.
 */
export class PricesAndContracts1764100006000 implements MigrationInterface {
  name = 'PricesAndContracts1764100006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alerts ADD COLUMN contract jsonb`);
    await q.query(`ALTER TABLE settings ADD COLUMN price_band_percent numeric NOT NULL DEFAULT 10
      CHECK (price_band_percent >= 1 AND price_band_percent <= 100)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE settings DROP COLUMN price_band_percent`);
    await q.query(`ALTER TABLE alerts DROP COLUMN contract`);
  }
}
