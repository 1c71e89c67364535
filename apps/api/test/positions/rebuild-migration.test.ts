import { openDatabase } from '../../src/db/data-source';
import { StrategyPositions1764100009000 } from '../../src/db/migrations/1764100009000-strategy-positions';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { migrateUpTo } from '../support/migration-steps';

/** An install upgraded to strategy positions starts from the fills it already recorded. */
const HISTORY = `
  INSERT INTO alerts (id, received_at, strategy, symbol, direction, quantity, status, http_status) VALUES
    (1, now() - interval '2 hours', 'Old Strat', 'AAPL', 'BUY', 10, 'placed', 200),
    (2, now() - interval '1 hour', 'old  strat', 'AAPL', 'SELL', 4, 'placed', 200),
    (3, now() - interval '1 hour', 'Other', 'ESZ6', 'SELL', 1, 'placed', 200);
  INSERT INTO orders (id, alert_id, ib_order_id, client_id, order_ref, symbol, sec_type, exchange, currency, local_symbol, side,
    quantity, order_type, tif, status, filled, remaining) VALUES
    (1, 1, 11, 17, 'TH-1-a', 'AAPL', 'STK', 'SMART', 'USD', NULL, 'BUY', 10, 'MKT', 'DAY', 'filled', 10, 0),
    (2, 2, 12, 17, 'TH-2-a', 'AAPL', 'STK', 'SMART', 'USD', NULL, 'SELL', 4, 'MKT', 'DAY', 'filled', 4, 0),
    (3, 3, 13, 17, 'TH-3-a', 'ES', 'FUT', 'CME', 'USD', 'ESZ6', 'SELL', 1, 'MKT', 'DAY', 'filled', 1, 0);
  INSERT INTO executions (exec_id, exec_key, order_id, ib_order_id, client_id, perm_id, symbol, sec_type, exchange, currency, side,
    shares, price, cum_qty, avg_price, executed_at, account, order_ref) VALUES
    ('e1.01', 'e1', 1, 11, 17, 101, 'AAPL', 'STK', 'SMART', 'USD', 'BUY', 5, 100, 5, 100, now() - interval '119 minutes', 'DU1', 'TH-1-a'),
    ('e2.01', 'e2', 1, 11, 17, 101, 'AAPL', 'STK', 'SMART', 'USD', 'BUY', 5, 102, 10, 101, now() - interval '118 minutes', 'DU1', 'TH-1-a'),
    ('e3.01', 'e3', 2, 12, 17, 102, 'AAPL', 'STK', 'SMART', 'USD', 'SELL', 4, 111, 4, 111, now() - interval '59 minutes', 'DU1', 'TH-2-a'),
    ('e4.01', 'e4', 3, 13, 17, 103, 'ESZ6', 'FUT', 'CME', 'USD', 'SELL', 1, 6000, 1, 6000, now() - interval '58 minutes', 'DU1', 'TH-3-a');
  INSERT INTO commissions (exec_id, commission, currency) VALUES ('e1.01', 1, 'USD'), ('e2.01', 1, 'USD'), ('e3.01', 1, 'USD');
`;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

it('builds every strategy position from the executions already recorded', async () => {
  await migrateUpTo(db.url, StrategyPositions1764100009000, HISTORY);
  const ds = await openDatabase({ url: db.url });
  try {
    const rows = await ds.query(`SELECT strategy_key, account, contract_key, quantity::text, avg_price::text, gross_realized::text,
      commission::text, fills, multiplier::text FROM strategy_positions ORDER BY strategy_key`);
    expect(rows).toEqual([
      { strategy_key: 'old strat', account: 'DU1', contract_key: 'STK:AAPL:USD', quantity: '6', avg_price: '101',
        gross_realized: '40', commission: '3', fills: 3, multiplier: '1' },
      { strategy_key: 'other', account: 'DU1', contract_key: 'FUT:ESZ6:USD', quantity: '-1', avg_price: '6000',
        gross_realized: '0', commission: '0', fills: 1, multiplier: '50' },
    ]);
    const [order] = await ds.query(`SELECT executed::text FROM orders WHERE id = 1`);
    expect(order.executed).toBe('10');
  } finally {
    await ds.destroy();
  }
});

it('goes down (the earlier ingest_alerts() back) and up again, rebuilding the same positions', async () => {
  const ds = await openDatabase({ url: db.url });
  try {
    const before = await ds.query(`SELECT * FROM strategy_positions ORDER BY strategy_key`);
    await ds.undoLastMigration(); // 1764100010000 (exits), which ran after this one
    await ds.undoLastMigration();
    expect(await ds.query(`SELECT to_regclass('strategy_positions') AS t`)).toEqual([{ t: null }]);
    await ds.runMigrations();
    const after = await ds.query(`SELECT * FROM strategy_positions ORDER BY strategy_key`);
    expect(after.map(({ updated_at: _u, ...r }: Record<string, unknown>) => r)).toEqual(before.map(({ updated_at: _u, ...r }: Record<string, unknown>) => r));
  } finally {
    await ds.destroy();
  }
});
