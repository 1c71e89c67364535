import { startTestStack, originalPayload, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  for (const [i, symbol] of ['AAPL', 'MSFT', 'AAPL'].entries()) {
    await stack.post(originalPayload({ stratName: i === 1 ? 'Beta' : 'Alpha', symbol, exchange: 'NASDAQ', alertId: `seed-${i}` }));
  }
  await stack.post(originalPayload({ secmgs: 'wrong', symbol: 'AAPL', stratName: 'Alpha' }));
});
afterAll(() => stack.close());

describe('GET /api/alerts', () => {
  it('lists newest first with the total', async () => {
    const res = await stack.get('/api/alerts');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(4);
    const ids = res.body.items.map((a: { id: number }) => a.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(res.body.items[0]).toMatchObject({ status: 'rejected', httpStatus: 401, reason: expect.stringContaining('secret') });
  });

  it('filters by strategy, symbol and status, and paginates', async () => {
    const alpha = await stack.get('/api/alerts?strategy=Alpha&symbol=AAPL');
    expect(alpha.body.total).toBe(3);
    expect((await stack.get('/api/alerts?strategy=Alpha&symbol=aapl')).body.total).toBe(3); // symbols ignore case
    const rejected = await stack.get('/api/alerts?status=rejected');
    expect(rejected.body.items.map((a: { httpStatus: number }) => a.httpStatus)).toEqual([401]);
    const page = await stack.get('/api/alerts?limit=2&offset=2');
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBe(4);
  });

  it('answers 400 with the field for a bad query', async () => {
    const res = await stack.get('/api/alerts?limit=0');
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('limit');
  });

  it('shows one alert with its redacted raw body, and deletes it', async () => {
    const { body } = await stack.get('/api/alerts?status=rejected');
    const id = body.items[0].id;
    const one = await stack.get(`/api/alerts/${id}`);
    expect(one.body.rawBody).toContain('"secmgs":"[redacted]"');
    const del = await stack.fetch(`/api/alerts/${id}`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect((await stack.get(`/api/alerts/${id}`)).status).toBe(404);
    expect((await stack.fetch(`/api/alerts/${id}`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('documentation', () => {
  it('serves OpenAPI 3 generated from the contracts, with the original payload and every error', async () => {
    const { status, body } = await stack.get('/documentation/json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    const post = body.paths['/webhook'].post;
    expect(Object.keys(post.requestBody.content)).toEqual(expect.arrayContaining(['application/json', 'text/plain']));
    const examples = post.requestBody.content['application/json'].examples;
    expect(examples.original.value).toMatchObject({ stratName: 'Strat Alpha', secmgs: 'your_secret_message', price: 15000.5 });
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '413', '415', '503']));
    expect(body.paths['/api/trades/consolidated']).toBeDefined();
  });

  it('serves Swagger UI at /documentation', async () => {
    const res = await fetch(`${stack.url}/documentation/static/index.html`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger');
  });
});

describe('health and status', () => {
  it('answers liveness without touching the database', async () => {
    expect(await stack.get('/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('reports database, IB, version, uptime and today\'s counts', async () => {
    const { body } = await stack.get('/api/status');
    expect(body).toMatchObject({
      version: expect.any(String),
      database: { reachable: true, embedded: false },
      ib: { mode: 'paper', clientId: 7 },
      webhookUrl: `${stack.url}/webhook`,
    });
    expect(body.today.accepted).toBeGreaterThanOrEqual(3);
  });
});
