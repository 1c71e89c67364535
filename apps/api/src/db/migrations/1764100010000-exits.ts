import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INGEST_STORING_SIGNAL } from './1764100009000-strategy-positions';

/**
 * Exits resting at IB with the entry (issue 12 #1, #2).
 * - alerts.exits: the alert's takeProfit / stopLoss / trailingStop / outsideRth as validated;
 * - orders.parent_order_id: a bracket's children point at its parent row — one alert, one order group; the children
 *   carry the alert too (their fills are the strategy's), so "one order per alert" now holds for parents only;
 * - orders.exit_role, oca_group, trailing_amount / trailing_percent, outside_rth: what reconcile needs to re-send a
 *   child exactly as it was meant.
 */
export class Exits1764100010000 implements MigrationInterface {
  name = 'Exits1764100010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alerts ADD COLUMN exits jsonb`);
    await q.query(`ALTER TABLE orders
      ADD COLUMN parent_order_id bigint REFERENCES orders(id) ON DELETE CASCADE,
      ADD COLUMN exit_role text CONSTRAINT orders_exit_role CHECK (exit_role IN ('take-profit', 'stop-loss', 'trailing-stop')),
      ADD COLUMN oca_group text,
      ADD COLUMN trailing_amount numeric,
      ADD COLUMN trailing_percent numeric,
      ADD COLUMN outside_rth boolean NOT NULL DEFAULT false,
      ADD CONSTRAINT orders_child_role CHECK ((parent_order_id IS NULL) = (exit_role IS NULL))`);
    await q.query(`ALTER TABLE orders DROP CONSTRAINT orders_alert_id_key`);
    await q.query(`CREATE UNIQUE INDEX orders_alert_parent ON orders (alert_id) WHERE parent_order_id IS NULL`);
    await q.query(`CREATE INDEX orders_children ON orders (parent_order_id) WHERE parent_order_id IS NOT NULL`);
    await q.query(INGEST_STORING_EXITS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(INGEST_STORING_SIGNAL);
    await q.query(`DELETE FROM orders WHERE parent_order_id IS NOT NULL`);
    await q.query(`DROP INDEX orders_children`);
    await q.query(`DROP INDEX orders_alert_parent`);
    await q.query(`ALTER TABLE orders ADD CONSTRAINT orders_alert_id_key UNIQUE (alert_id)`);
    await q.query(`ALTER TABLE orders DROP CONSTRAINT orders_child_role, DROP COLUMN parent_order_id, DROP COLUMN exit_role,
      DROP COLUMN oca_group, DROP COLUMN trailing_amount, DROP COLUMN trailing_percent, DROP COLUMN outside_rth`);
    await q.query(`ALTER TABLE alerts DROP COLUMN exits`);
  }
}

/** ingest_alerts() with a deadline stores each element's `signal` and `exits` objects, in the same statement. */
const INGEST_STORING_EXITS = `
  CREATE OR REPLACE FUNCTION ingest_alerts(batch jsonb, dup_window interval, deadline timestamptz)
  RETURNS TABLE (idx integer, alert_id bigint, alert_status text, original_id bigint)
  LANGUAGE plpgsql AS $$
  DECLARE
    truncated bigint[] := '{}';
    extended bigint[] := '{}';
    extended_idx integer[] := '{}';
  BEGIN
    FOR idx, alert_id, alert_status, original_id IN SELECT * FROM ingest_alerts(batch, dup_window) LOOP
      IF (batch -> idx ->> 'raw_body_truncated') = 'true' THEN truncated := truncated || alert_id; END IF;
      IF jsonb_typeof(batch -> idx -> 'signal') = 'object' OR jsonb_typeof(batch -> idx -> 'exits') = 'object' THEN
        extended := extended || alert_id;
        extended_idx := extended_idx || idx;
      END IF;
      RETURN NEXT;
    END LOOP;
    IF cardinality(truncated) > 0 THEN UPDATE alerts SET raw_body_truncated = true WHERE id = ANY (truncated); END IF;
    IF cardinality(extended) > 0 THEN
      UPDATE alerts a SET
        signal = CASE WHEN jsonb_typeof(batch -> s.i -> 'signal') = 'object' THEN batch -> s.i -> 'signal' ELSE a.signal END,
        exits = CASE WHEN jsonb_typeof(batch -> s.i -> 'exits') = 'object' THEN batch -> s.i -> 'exits' ELSE a.exits END
      FROM unnest(extended, extended_idx) AS s(id, i) WHERE a.id = s.id;
    END IF;
    IF clock_timestamp() > deadline THEN
      RAISE EXCEPTION 'ingest deadline passed (%, now %)', deadline, clock_timestamp() USING ERRCODE = '57014';
    END IF;
  END $$`;
