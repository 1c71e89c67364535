import { createTestDatabase, type TestDatabase } from '../support/database';
import { originalPayload, startTestStack, type TestStack } from '../support/stack';

const TOKEN = 'metrics-token-for-tests';

/** One sample's value from Prometheus text, e.g. value(text, 'tradehook_alerts{status="placed"}'). */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let db: TestDatabase;
  let stack: TestStack;
  const scrape = async (token: string | null = TOKEN) => {
    const res = await fetch(`${stack.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };
  beforeAll(async () => {
    db = await createTestDatabase();
    stack = await startTestStack({ db, env: { METRICS_TOKEN: TOKEN }, sim: { prices: { SPY: 500 } } });
    await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
  });
  afterAll(async () => {
    await stack.close();
    await db.drop();
  });

  it('needs the bearer token when METRICS_TOKEN is set', async () => {
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape('wrong-token')).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.type).toMatch(/^text\/plain/);
  });

  it('counts alerts and orders by status, observes both latencies, and reports IB and the queue', async () => {
    const alert = (alertId: string) => originalPayload({ symbol: 'SPY', exchange: 'NYSE', price: 500, alertId });
    const placed = [await stack.post(alert('m-1')), await stack.post(alert('m-2'))];
    await stack.post(alert('m-1')); // duplicate
    await stack.post({ ...alert('m-3'), direction: 'HOLD' }); // rejected, 400
    await stack.waitFor(async () => placed.every((p) => stack.sim.orders.some((o) => o.orderRef.startsWith(`TH-${p.body.id}-`))), 'both orders at IB');

    // Counts are taken at most every few seconds (a scrape must not load the database): wait for a fresh one.
    const text = await stack.waitFor(async () => {
      const scraped = (await scrape()).text;
      return value(scraped, 'tradehook_alerts{status="rejected"}') === 1 ? scraped : null;
    }, 'fresh counts', 15_000);
    expect(value(text, 'tradehook_alerts{status="placed"}')).toBe(2);
    expect(value(text, 'tradehook_alerts{status="duplicate"}')).toBe(1);
    expect(value(text, 'tradehook_alerts{status="rejected"}')).toBe(1);
    expect(value(text, 'tradehook_alerts{status="expired"}')).toBe(0); // every status is exported, zeros included
    expect(['submitting', 'working', 'filled'].reduce((n, s) => n + (value(text, `tradehook_orders{status="${s}"}`) ?? 0), 0)).toBe(2);
    expect(value(text, 'tradehook_webhook_ack_seconds_count{status_code="200"}')).toBe(3);
    expect(value(text, 'tradehook_webhook_ack_seconds_count{status_code="400"}')).toBe(1);
    expect(value(text, 'tradehook_order_wire_seconds_count')).toBe(2);
    expect(value(text, 'tradehook_ib_connection_state{state="connected"}')).toBe(1);
    expect(value(text, 'tradehook_ib_connection_state{state="disconnected"}')).toBe(0);
    expect(value(text, 'tradehook_dispatch_queue_depth')).toBe(0);
    expect(value(text, 'tradehook_database_up')).toBe(1);
    expect(value(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('keeps the counts across a restart: they are read from PostgreSQL, not kept in memory', async () => {
    const before = (await scrape()).text;
    await stack.close();
    stack = await startTestStack({ db, env: { METRICS_TOKEN: TOKEN } });
    const after = (await scrape()).text;
    for (const status of ['placed', 'duplicate', 'rejected']) {
      expect(value(after, `tradehook_alerts{status="${status}"}`)).toBe(value(before, `tradehook_alerts{status="${status}"}`));
    }
    expect(value(after, 'tradehook_webhook_ack_seconds_count{status_code="200"}')).toBeUndefined(); // latencies start afresh
  });
});
