import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ingest_alerts() with a deadline the database enforces: a batch whose senders may already have been told 503
 * (the link to PostgreSQL stalled) raises instead of committing, so a late commit cannot trade an alert whose
 * sender was told it was not accepted. The check runs last, just before the statement's commit.
 */
export class IngestDeadline1764100003000 implements MigrationInterface {
  name = 'IngestDeadline1764100003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION ingest_alerts(batch jsonb, dup_window interval, deadline timestamptz)
      RETURNS TABLE (idx integer, alert_id bigint, alert_status text, original_id bigint)
      LANGUAGE plpgsql AS $$
      BEGIN
        RETURN QUERY SELECT * FROM ingest_alerts(batch, dup_window);
        IF clock_timestamp() > deadline THEN
          RAISE EXCEPTION 'ingest deadline passed (%, now %)', deadline, clock_timestamp() USING ERRCODE = '57014';
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ingest_alerts(jsonb, interval, timestamptz)`);
  }
}
