import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * IB's own state, mirrored: its positions (with P&L and market price) and account values, each stamped with when IB
 * reported it. A position closed during the day stays with quantity 0 (IB reports it so, with its realized P&L).
 */
export class IbPositions1764100008000 implements MigrationInterface {
  name = 'IbPositions1764100008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ib_positions (
      account text NOT NULL,
      con_id bigint NOT NULL,
      symbol text NOT NULL,
      local_symbol text,
      sec_type text NOT NULL,
      exchange text,
      currency text NOT NULL,
      multiplier numeric,
      last_trade_date text,
      quantity numeric NOT NULL,
      avg_cost numeric NOT NULL,
      market_price numeric,
      market_value numeric,
      unrealized_pnl numeric,
      realized_pnl numeric,
      daily_pnl numeric,
      reported_at timestamptz NOT NULL,
      PRIMARY KEY (account, con_id)
    )`);
    await q.query(`CREATE TABLE ib_account_values (
      account text NOT NULL,
      tag text NOT NULL,
      currency text NOT NULL DEFAULT '',
      value text NOT NULL,
      reported_at timestamptz NOT NULL,
      PRIMARY KEY (account, tag, currency)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ib_account_values`);
    await q.query(`DROP TABLE ib_positions`);
  }
}
