import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildStrategyPositions } from '../../positions/rebuild';
import { INGEST_MARKING_TRUNCATED } from './1764100007000-rejected-bodies';

/**
 * Positions per strategy (issue 11 #2, #3).
 * - executions keep IB's conId and localSymbol (to compare with IB's positions);
 * - orders.executed: shares recorded as executions, written with them, so "working" (quantity − executed) never
 *   double-counts a fill whose orderStatus arrived before its execDetails; orders.may_trade says an order can still;
 * - strategy_positions: one row per (strategy, account, contract), kept by the ledger in the execution's
 *   transaction; contract_key names the contract as the order asked for it (conId is only known after a fill);
 * - strategy_signals: the newest signal time applied per (strategy, contract), so an older alert arriving later
 *   cannot move a target-mode position back;
 * - position_drift: contracts whose IB position differs from the strategies' sum, with when that started;
 * - alerts.signal: the position-aware fields of an alert (positionSize, marketPosition…, timenow) or an admin action;
 * - strategies.position_mode: orders (trade what the alert says) or target (trade to the position it states).
 */
export class StrategyPositions1764100009000 implements MigrationInterface {
  name = 'StrategyPositions1764100009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE executions ADD COLUMN con_id bigint, ADD COLUMN local_symbol text`);
    await q.query(`ALTER TABLE alerts ADD COLUMN signal jsonb`);
    await q.query(`ALTER TABLE strategies ADD COLUMN position_mode text NOT NULL DEFAULT 'orders'
      CONSTRAINT strategies_position_mode CHECK (position_mode IN ('orders', 'target'))`);
    await q.query(`ALTER TABLE orders ADD COLUMN executed numeric NOT NULL DEFAULT 0`);
    await q.query(`UPDATE orders o SET executed = e.shares FROM (
      SELECT order_id, sum(shares) AS shares FROM executions WHERE order_id IS NOT NULL GROUP BY order_id) e WHERE e.order_id = o.id`);
    // The orders that may still trade: few, whatever the history. A column (not only an index predicate) so the
    // planner has statistics saying so; with a bare comparison it guesses a third of the table and scans it all.
    await q.query(`ALTER TABLE orders ADD COLUMN may_trade boolean
      GENERATED ALWAYS AS (executed < quantity AND status NOT IN ('cancelled', 'rejected')) STORED`);
    await q.query(`CREATE INDEX orders_may_trade ON orders (id) WHERE may_trade`);
    await q.query(`
      CREATE TABLE strategy_positions (
        strategy_key   text NOT NULL,
        strategy       text NOT NULL,
        account        text NOT NULL,
        contract_key   text NOT NULL,
        con_id         bigint,
        symbol         text NOT NULL,
        local_symbol   text,
        sec_type       text NOT NULL,
        exchange       text,
        currency       text NOT NULL,
        multiplier     numeric NOT NULL DEFAULT 1,
        quantity       numeric NOT NULL DEFAULT 0,
        avg_price      numeric,
        gross_realized numeric NOT NULL DEFAULT 0,
        commission     numeric NOT NULL DEFAULT 0,
        fills          integer NOT NULL DEFAULT 0,
        last_fill_at   timestamptz,
        updated_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (strategy_key, account, contract_key)
      )`);
    await q.query(`CREATE INDEX strategy_positions_contract ON strategy_positions (account, con_id)`);
    await rebuildStrategyPositions(q); // an upgraded install starts from the fills it already has
    // An execution finds its order by id, orderRef or permId (execution-store): without this the OR falls back to
    // scanning every order (~65 ms per execution at 500,000 orders), and the position update rides on that transaction.
    await q.query(`CREATE INDEX orders_order_ref ON orders (order_ref)`);
    // A correction replays one position from its contract's executions, not from the whole history.
    await q.query(`CREATE INDEX executions_contract ON executions (account, con_id)`);
    await q.query(`
      CREATE TABLE strategy_signals (
        strategy_key text NOT NULL,
        contract_key text NOT NULL,
        signal_at    timestamptz NOT NULL,
        alert_id     bigint NOT NULL,
        PRIMARY KEY (strategy_key, contract_key)
      )`);
    await q.query(`
      CREATE TABLE position_drift (
        account             text NOT NULL,
        con_id              bigint NOT NULL,
        ib_quantity         numeric NOT NULL,
        strategies_quantity numeric NOT NULL,
        working             numeric NOT NULL,
        since               timestamptz NOT NULL,
        updated_at          timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account, con_id)
      )`);
    await q.query(INGEST_STORING_SIGNAL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(INGEST_MARKING_TRUNCATED);
    await q.query(`DROP TABLE position_drift, strategy_signals, strategy_positions`);
    await q.query(`DROP INDEX orders_order_ref`);
    await q.query(`ALTER TABLE orders DROP COLUMN may_trade, DROP COLUMN executed`);
    await q.query(`ALTER TABLE strategies DROP COLUMN position_mode`);
    await q.query(`ALTER TABLE alerts DROP COLUMN signal`);
    await q.query(`ALTER TABLE executions DROP COLUMN con_id, DROP COLUMN local_symbol`);
  }
}

// ingest_alerts() with a deadline also stores each element's `signal` (rows with one only), as 1764100007000
// stores raw_body_truncated: after the insert, in the same statement.
export const INGEST_STORING_SIGNAL = `
      CREATE OR REPLACE FUNCTION ingest_alerts(batch jsonb, dup_window interval, deadline timestamptz)
      RETURNS TABLE (idx integer, alert_id bigint, alert_status text, original_id bigint)
      LANGUAGE plpgsql AS $$
      DECLARE
        truncated bigint[] := '{}';
        signalled bigint[] := '{}';
        signal_idx integer[] := '{}';
      BEGIN
        FOR idx, alert_id, alert_status, original_id IN SELECT * FROM ingest_alerts(batch, dup_window) LOOP
          IF (batch -> idx ->> 'raw_body_truncated') = 'true' THEN truncated := truncated || alert_id; END IF;
          IF jsonb_typeof(batch -> idx -> 'signal') = 'object' THEN
            signalled := signalled || alert_id;
            signal_idx := signal_idx || idx;
          END IF;
          RETURN NEXT;
        END LOOP;
        IF cardinality(truncated) > 0 THEN
          UPDATE alerts SET raw_body_truncated = true WHERE id = ANY (truncated);
        END IF;
        IF cardinality(signalled) > 0 THEN
          UPDATE alerts a SET signal = batch -> s.i -> 'signal'
          FROM unnest(signalled, signal_idx) AS s(id, i) WHERE a.id = s.id;
        END IF;
        IF clock_timestamp() > deadline THEN
          RAISE EXCEPTION 'ingest deadline passed (%, now %)', deadline, clock_timestamp() USING ERRCODE = '57014';
        END IF;
      END $$`;
