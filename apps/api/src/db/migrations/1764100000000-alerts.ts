import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts, and ingest_alerts(): the whole write of a batch in one round trip. Each plpgsql statement takes a
 * fresh snapshot, so after the advisory locks the duplicate checks see every committed alert, across replicas.
 */
export class Alerts1764100000000 implements MigrationInterface {
  name = 'Alerts1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alerts (
        id              bigserial PRIMARY KEY,
        received_at     timestamptz NOT NULL,
        client_ip       text,
        strategy        text,
        symbol          text,
        exchange        text,
        price           numeric,
        direction       text,
        quantity        numeric,
        order_type      text,
        limit_price     numeric,
        stop_price      numeric,
        tif             text,
        sec_type        text,
        currency        text,
        alert_text      text,
        external_id     text,
        raw_body        text,
        body_hash       text,
        idempotency_key text,
        status          text NOT NULL,
        reason          text,
        http_status     integer NOT NULL,
        duplicate_of    bigint REFERENCES alerts(id) ON DELETE SET NULL,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX alerts_idempotency_key ON alerts (idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await q.query(`CREATE INDEX alerts_body_hash ON alerts (body_hash, received_at) WHERE body_hash IS NOT NULL`);
    await q.query(`CREATE INDEX alerts_newest ON alerts (id DESC)`);
    await q.query(`CREATE INDEX alerts_received_at ON alerts (received_at)`);
    await q.query(`CREATE INDEX alerts_pending ON alerts (id) WHERE status = 'accepted'`);
    await q.query(`CREATE INDEX alerts_strategy ON alerts (strategy, id DESC)`);
    await q.query(`CREATE INDEX alerts_symbol ON alerts (symbol, id DESC)`);
    await q.query(`CREATE INDEX alerts_status ON alerts (status, id DESC)`);
    await q.query(`CREATE INDEX alerts_duplicate_of ON alerts (duplicate_of) WHERE duplicate_of IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION ingest_alerts(batch jsonb, dup_window interval)
      RETURNS TABLE (idx integer, alert_id bigint, alert_status text, original_id bigint)
      LANGUAGE plpgsql AS $$
      DECLARE
        r record;
        existing bigint;
        i integer := 0;
      BEGIN
        PERFORM pg_advisory_xact_lock(k) FROM (
          SELECT DISTINCT hashtextextended(coalesce(e->>'idempotency_key', e->>'body_hash'), 0) AS k
          FROM jsonb_array_elements(batch) e
          WHERE e->>'status' = 'accepted'
        ) keys ORDER BY k;
        FOR r IN SELECT * FROM jsonb_to_recordset(batch) AS x(
          received_at timestamptz, client_ip text, strategy text, symbol text, exchange text, price numeric,
          direction text, quantity numeric, order_type text, limit_price numeric, stop_price numeric, tif text,
          sec_type text, currency text, alert_text text, external_id text, raw_body text, body_hash text,
          idempotency_key text, status text, reason text, http_status integer)
        LOOP
          existing := NULL;
          IF r.status = 'accepted' THEN
            IF r.idempotency_key IS NOT NULL THEN
              SELECT a.id INTO existing FROM alerts a WHERE a.idempotency_key = r.idempotency_key;
            ELSE
              SELECT a.id INTO existing FROM alerts a
              WHERE a.body_hash = r.body_hash AND a.received_at > r.received_at - dup_window
              ORDER BY a.id LIMIT 1;
            END IF;
          END IF;
          idx := i;
          IF existing IS NULL THEN
            INSERT INTO alerts (received_at, client_ip, strategy, symbol, exchange, price, direction, quantity,
              order_type, limit_price, stop_price, tif, sec_type, currency, alert_text, external_id, raw_body,
              body_hash, idempotency_key, status, reason, http_status)
            VALUES (r.received_at, r.client_ip, r.strategy, r.symbol, r.exchange, r.price, r.direction, r.quantity,
              r.order_type, r.limit_price, r.stop_price, r.tif, r.sec_type, r.currency, r.alert_text, r.external_id,
              r.raw_body, CASE WHEN r.status = 'accepted' AND r.idempotency_key IS NULL THEN r.body_hash END,
              CASE WHEN r.status = 'accepted' THEN r.idempotency_key END, r.status, r.reason, r.http_status)
            RETURNING id INTO alert_id;
            alert_status := r.status;
            original_id := NULL;
          ELSE
            INSERT INTO alerts (received_at, client_ip, strategy, symbol, exchange, price, direction, quantity,
              order_type, limit_price, stop_price, tif, sec_type, currency, alert_text, external_id, raw_body,
              status, reason, http_status, duplicate_of)
            VALUES (r.received_at, r.client_ip, r.strategy, r.symbol, r.exchange, r.price, r.direction, r.quantity,
              r.order_type, r.limit_price, r.stop_price, r.tif, r.sec_type, r.currency, r.alert_text, r.external_id,
              r.raw_body, 'duplicate', 'repeat of alert ' || existing, 200, existing)
            RETURNING id INTO alert_id;
            alert_status := 'duplicate';
            original_id := existing;
          END IF;
          RETURN NEXT;
          i := i + 1;
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ingest_alerts(jsonb, interval)`);
    await q.query(`DROP TABLE alerts`);
  }
}
