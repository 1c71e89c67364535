import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Orders (one per alert at most), executions (execId unique, corrections replace), commissions, contract map. */
export class OrdersExecutions1764100001000 implements MigrationInterface {
  name = 'OrdersExecutions1764100001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE orders (
        id               bigserial PRIMARY KEY,
        alert_id         bigint UNIQUE REFERENCES alerts(id) ON DELETE SET NULL,
        ib_order_id      integer NOT NULL,
        client_id        integer NOT NULL,
        perm_id          bigint,
        order_ref        text NOT NULL,
        symbol           text NOT NULL,
        sec_type         text NOT NULL,
        exchange         text NOT NULL,
        primary_exchange text,
        currency         text NOT NULL,
        local_symbol     text,
        multiplier       text,
        last_trade_date  text,
        side             text NOT NULL,
        quantity         numeric NOT NULL,
        order_type       text NOT NULL,
        limit_price      numeric,
        stop_price       numeric,
        tif              text NOT NULL,
        status           text NOT NULL,
        filled           numeric NOT NULL DEFAULT 0,
        remaining        numeric NOT NULL,
        avg_fill_price   numeric,
        last_error       text,
        last_error_code  integer,
        created_at       timestamptz NOT NULL DEFAULT now(),
        submitted_at     timestamptz,
        acknowledged_at  timestamptz,
        filled_at        timestamptz,
        closed_at        timestamptz,
        updated_at       timestamptz NOT NULL DEFAULT now(),
        UNIQUE (client_id, ib_order_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX orders_perm_id ON orders (perm_id) WHERE perm_id IS NOT NULL`);
    await q.query(`CREATE INDEX orders_open ON orders (id) WHERE status IN ('submitting', 'working')`);
    await q.query(`CREATE INDEX orders_status ON orders (status, id DESC)`);
    await q.query(`
      CREATE TABLE executions (
        id                  bigserial PRIMARY KEY,
        exec_id             text NOT NULL UNIQUE,
        exec_key            text NOT NULL UNIQUE,
        order_id            bigint REFERENCES orders(id) ON DELETE SET NULL,
        ib_order_id         integer NOT NULL,
        client_id           integer NOT NULL,
        perm_id             bigint NOT NULL,
        symbol              text NOT NULL,
        sec_type            text NOT NULL,
        exchange            text NOT NULL,
        currency            text NOT NULL,
        side                text NOT NULL,
        shares              numeric NOT NULL,
        price               numeric NOT NULL,
        cum_qty             numeric NOT NULL,
        avg_price           numeric NOT NULL,
        executed_at         timestamptz NOT NULL,
        account             text NOT NULL,
        order_ref           text,
        received_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX executions_newest ON executions (executed_at DESC, id DESC)`);
    await q.query(`CREATE INDEX executions_order ON executions (order_id)`);
    await q.query(`CREATE INDEX executions_perm ON executions (perm_id, cum_qty DESC)`);
    await q.query(`
      CREATE TABLE commissions (
        exec_id       text PRIMARY KEY,
        commission    numeric,
        currency      text,
        realized_pnl  numeric,
        received_at   timestamptz NOT NULL DEFAULT now()
      )`);
    // One row per order (permId): which execution has the highest cumulative quantity. Kept by the writer so the
    // consolidated view stays an index lookup at millions of executions.
    await q.query(`
      CREATE TABLE consolidated_trades (
        perm_id        bigint PRIMARY KEY,
        execution_id   bigint NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
        cum_qty        numeric NOT NULL,
        last_exec_at   timestamptz NOT NULL,
        executions     integer NOT NULL
      )`);
    await q.query(`CREATE INDEX consolidated_trades_newest ON consolidated_trades (last_exec_at DESC, perm_id DESC)`);
    await q.query(`
      CREATE TABLE contract_map (
        id               bigserial PRIMARY KEY,
        tv_symbol        text NOT NULL,
        tv_exchange      text NOT NULL DEFAULT '',
        symbol           text NOT NULL,
        sec_type         text NOT NULL,
        exchange         text NOT NULL,
        primary_exchange text,
        currency         text NOT NULL DEFAULT 'USD',
        multiplier       text,
        local_symbol     text,
        front_month      boolean NOT NULL DEFAULT false,
        updated_at       timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tv_symbol, tv_exchange)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE contract_map, consolidated_trades, commissions, executions, orders`);
  }
}
