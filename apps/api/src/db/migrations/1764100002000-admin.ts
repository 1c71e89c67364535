import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users and sessions, strategies (per-strategy secrets and risk limits), settings, the audit log. */
export class Admin1764100002000 implements MigrationInterface {
  name = 'Admin1764100002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id             bigserial PRIMARY KEY,
        username       text NOT NULL UNIQUE,
        password_hash  text NOT NULL,
        role           text NOT NULL CHECK (role IN ('admin', 'viewer')),
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        last_login_at  timestamptz
      )`);
    await q.query(`
      CREATE TABLE sessions (
        token_hash   text PRIMARY KEY,
        user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at   timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sessions_user ON sessions (user_id)`);
    await q.query(`
      CREATE TABLE strategies (
        id                    bigserial PRIMARY KEY,
        name                  text NOT NULL UNIQUE,
        enabled               boolean NOT NULL DEFAULT true,
        secret_hash           text,
        default_quantity      numeric,
        max_quantity          numeric,
        max_notional          numeric,
        allowed_symbols       text[],
        trading_window_start  text,
        trading_window_end    text,
        time_zone             text NOT NULL DEFAULT 'America/New_York',
        default_order_type    text,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE settings (
        id                        integer PRIMARY KEY CHECK (id = 1),
        kill_switch               boolean NOT NULL DEFAULT false,
        order_max_age_seconds     integer,
        duplicate_window_seconds  integer,
        ip_allowlist_enabled      boolean NOT NULL DEFAULT false,
        ip_allowlist              text[] NOT NULL DEFAULT '{}',
        unknown_strategy_policy   text NOT NULL DEFAULT 'global_secret',
        updated_at                timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO settings (id) VALUES (1)`);
    await q.query(`
      CREATE TABLE audit_log (
        id           bigserial PRIMARY KEY,
        at           timestamptz NOT NULL DEFAULT now(),
        user_id      bigint REFERENCES users(id) ON DELETE SET NULL,
        username     text,
        action       text NOT NULL,
        resource     text NOT NULL,
        resource_id  text,
        details      jsonb
      )`);
    await q.query(`CREATE INDEX audit_log_newest ON audit_log (id DESC)`);
    await q.query(`ALTER TABLE alerts ADD COLUMN resend_of bigint REFERENCES alerts(id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alerts DROP COLUMN resend_of`);
    await q.query(`DROP TABLE audit_log, settings, strategies, sessions, users`);
  }
}
