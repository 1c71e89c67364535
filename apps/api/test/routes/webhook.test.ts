import { startTestStack, originalPayload, TEST_SECRET, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

const alertRow = async (id: number) => (await stack.query('SELECT * FROM alerts WHERE id = $1', [id]))[0];

describe('POST /webhook', () => {
  it("accepts the original application's payload unchanged, at /webhook/ as in its curl example", async () => {
    const res = await fetch(`${stack.url}/webhook/`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: `{
    "stratName": "Strat Alpha", "alert": "Trade Alert!", "exchange": "CME_MINI", "symbol": "NQU4",
    "price": 15000.50, "direction": "BUY", "secmgs": "${TEST_SECRET}" }`,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: number; status: string };
    expect(body).toEqual({ id: expect.any(Number), status: 'accepted' });
    const row = await alertRow(body.id);
    expect(row).toMatchObject({ strategy: 'Strat Alpha', symbol: 'NQU4', exchange: 'CME_MINI', direction: 'BUY',
      price: '15000.5', alert_text: 'Trade Alert!', http_status: 200 });
    expect(row.raw_body).toContain('15000.50');
    expect(row.raw_body).not.toContain(TEST_SECRET);
  });

  it('accepts text/plain (TradingView sends that when it does not recognise JSON)', async () => {
    const res = await stack.post(JSON.stringify(originalPayload({ symbol: 'AAPL', exchange: 'NASDAQ' })), 'text/plain; charset=utf-8');
    expect(res).toEqual({ status: 200, body: { id: expect.any(Number), status: 'accepted' } });
  });

  it('takes lower-case directions and quoted numbers as the placeholder template renders them, keeping every digit', async () => {
    const res = await stack.post(originalPayload({ direction: 'sell', price: '1.123456789', quantity: '25000', symbol: 'EURUSD', exchange: 'FX_IDC' }));
    expect(res.status).toBe(200);
    const row = await alertRow(res.body.id);
    expect(row).toMatchObject({ direction: 'SELL', price: '1.123456789', quantity: '25000' });
  });

  it.each([
    ['missing', originalPayload({ secmgs: undefined })],
    ['wrong', originalPayload({ secmgs: 'guess' })],
    ['not a string', originalPayload({ secmgs: 12345 })],
  ])('answers 401 for a %s secret and records the attempt as rejected', async (_label, payload) => {
    const res = await stack.post(payload);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: 'unauthorized', message: expect.stringMatching(/secret/) });
    const [row] = await stack.query(`SELECT * FROM alerts WHERE status = 'rejected' ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({ http_status: 401, strategy: 'Strat Alpha', reason: expect.stringContaining('401') });
  });

  it('accepts the secret under its aliases "secret" and "passphrase"', async () => {
    for (const alias of ['secret', 'passphrase']) {
      const res = await stack.post(originalPayload({ secmgs: undefined, [alias]: TEST_SECRET, symbol: `MSFT`, alertId: alias }));
      expect(res.status).toBe(200);
    }
  });

  it('answers 400 naming every bad field, and records it', async () => {
    const res = await stack.post(originalPayload({ direction: 'HOLD', price: 'abc', quantity: -3, extra: 1 }));
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_payload');
    const fields = res.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['direction', 'extra', 'price', 'quantity']);
    expect(res.body.details.find((d: { field: string }) => d.field === 'direction').problem).toBe('must be BUY, SELL, EXIT (or CLOSE, FLAT), REVERSE or CANCEL');
    const [row] = await stack.query(`SELECT * FROM alerts WHERE http_status = 400 ORDER BY id DESC LIMIT 1`);
    expect(row.reason).toContain('direction must be BUY, SELL, EXIT');
  });

  it('rejects a zero or negative quantity with a clear problem', async () => {
    const res = await stack.post(originalPayload({ quantity: 0 }));
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'quantity', problem: 'must be greater than 0' }]);
  });

  it('answers 400 for malformed JSON and stores the redacted body', async () => {
    const res = await stack.post(`{"stratName": "Strat Alpha", "secmgs": "${TEST_SECRET}", "price": 1,`, 'application/json');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'malformed_body', message: expect.stringContaining('not valid JSON') });
    const [row] = await stack.query(`SELECT * FROM alerts WHERE http_status = 400 ORDER BY id DESC LIMIT 1`);
    expect(row.raw_body).toContain('[redacted]');
    expect(row.raw_body).not.toContain(TEST_SECRET);
  });

  it('answers 413 above 64 KB and 415 for other content types, recording both', async () => {
    const big = await stack.post(originalPayload({ alert: 'x'.repeat(70 * 1024) }));
    expect(big.status).toBe(413);
    expect(big.body.error).toBe('payload_too_large');
    const xml = await stack.post('<alert/>', 'application/xml');
    expect(xml.status).toBe(415);
    const rows = await stack.query(`SELECT http_status FROM alerts WHERE http_status IN (413, 415)`);
    expect(rows.map((r) => r.http_status).sort()).toEqual([413, 415]);
  });

  it('answers duplicate for a repeated alertId, with the original id, and never accepts it twice', async () => {
    const first = await stack.post(originalPayload({ alertId: 'dup-1' }));
    const again = await stack.post(originalPayload({ alertId: 'dup-1', price: 15001 }));
    expect(first.body.status).toBe('accepted');
    expect(again.body).toEqual({ id: first.body.id, status: 'duplicate' });
    const [row] = await stack.query(`SELECT * FROM alerts WHERE duplicate_of = $1`, [first.body.id]);
    expect(row.status).toBe('duplicate');
  });

  it('treats the strategy name case-insensitively for a repeated alertId, as the strategies themselves', async () => {
    const first = await stack.post(originalPayload({ stratName: 'Case Strat', alertId: 'dup-case' }));
    const again = await stack.post(originalPayload({ stratName: 'CASE STRAT', alertId: 'dup-case' }));
    expect(again.body).toEqual({ id: first.body.id, status: 'duplicate' });
  });

  it('answers duplicate for 49 of 50 concurrent deliveries of one body', async () => {
    const body = JSON.stringify(originalPayload({ symbol: 'TSLA', alert: 'burst' }));
    const replies = await Promise.all(Array.from({ length: 50 }, () => stack.post(body)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const accepted = replies.filter((r) => r.body.status === 'accepted');
    expect(accepted).toHaveLength(1);
    expect(new Set(replies.map((r) => r.body.id))).toEqual(new Set([accepted[0].body.id]));
    const [{ originals }] = await stack.query(`SELECT count(*)::int AS originals FROM alerts WHERE alert_text = 'burst' AND duplicate_of IS NULL`);
    expect(originals).toBe(1);
  });

  it('stores 200 concurrent distinct alerts, none lost', async () => {
    const replies = await Promise.all(Array.from({ length: 200 }, (_, i) =>
      stack.post(originalPayload({ symbol: 'SPY', alertId: `many-${i}`, alert: 'many' }))));
    expect(replies.filter((r) => r.status === 200 && r.body.status === 'accepted')).toHaveLength(200);
    const [{ n }] = await stack.query(`SELECT count(*)::int AS n FROM alerts WHERE alert_text = 'many'`);
    expect(n).toBe(200);
  });

  it('never stores or logs the secret', async () => {
    await stack.post(`{"stratName":"S","symbol":"X","price":1,"direction":"BUY","secmgs":"${TEST_SECRET}","alert":"${TEST_SECRET}"}`);
    const [{ hits }] = await stack.query(
      `SELECT count(*)::int AS hits FROM alerts WHERE alerts::text LIKE '%' || $1 || '%'`, [TEST_SECRET]);
    expect(hits).toBe(0);
    expect(stack.logs.length).toBeGreaterThan(0);
    expect(stack.logs.join('\n')).not.toContain(TEST_SECRET);
  });
});
