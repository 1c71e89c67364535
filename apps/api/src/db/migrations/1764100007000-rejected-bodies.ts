import type { MigrationInterface, QueryRunner } from 'typeorm';
import { IngestDeadline1764100003000 } from './1764100003000-ingest-deadline';

/**
 * Bounds what rejected requests leave behind. `alerts.raw_body_truncated` marks a body stored only in part (sent
 * without the secret: its first KB); `settings.rejected_retention_days` is how long rejected and duplicate alerts
 * that led to no order are kept (RejectedAlertPruner).
 *
 * ingest_alerts() with a deadline now also sets the mark, from each batch element's `raw_body_truncated`. It is
 * set after the insert, in the same statement, so the one row-writing function (1764100000000) stays as it is;
 * the extra UPDATE touches only truncated rows, which the failure limit keeps few.
 */
/** This migration's ingest_alerts() with a deadline (a later one extends it and restores this on the way down). */
export const INGEST_MARKING_TRUNCATED = `
      CREATE OR REPLACE FUNCTION ingest_alerts(batch jsonb, dup_window interval, deadline timestamptz)
      RETURNS TABLE (idx integer, alert_id bigint, alert_status text, original_id bigint)
      LANGUAGE plpgsql AS $$
      DECLARE
        truncated bigint[] := '{}';
      BEGIN
        FOR idx, alert_id, alert_status, original_id IN SELECT * FROM ingest_alerts(batch, dup_window) LOOP
          IF (batch -> idx ->> 'raw_body_truncated') = 'true' THEN truncated := truncated || alert_id; END IF;
          RETURN NEXT;
        END LOOP;
        IF cardinality(truncated) > 0 THEN
          UPDATE alerts SET raw_body_truncated = true WHERE id = ANY (truncated);
        END IF;
        IF clock_timestamp() > deadline THEN
          RAISE EXCEPTION 'ingest deadline passed (%, now %)', deadline, clock_timestamp() USING ERRCODE = '57014';
        END IF;
      END $$`;

export class RejectedBodies1764100007000 implements MigrationInterface {
  name = 'RejectedBodies1764100007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alerts ADD COLUMN raw_body_truncated boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE settings ADD COLUMN rejected_retention_days integer NOT NULL DEFAULT 7
      CONSTRAINT settings_rejected_retention_days CHECK (rejected_retention_days BETWEEN 1 AND 3650)`);
    // For the pruner: the oldest rejected and duplicate alerts first, without reading the others.
    await q.query(`CREATE INDEX alerts_prunable ON alerts (received_at) WHERE status IN ('rejected', 'duplicate')`);
    await q.query(INGEST_MARKING_TRUNCATED);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ingest_alerts(jsonb, interval, timestamptz)`);
    await new IngestDeadline1764100003000().up(q);
    await q.query(`DROP INDEX alerts_prunable`);
    await q.query(`ALTER TABLE settings DROP COLUMN rejected_retention_days`);
    await q.query(`ALTER TABLE alerts DROP COLUMN raw_body_truncated`);
  }
}
