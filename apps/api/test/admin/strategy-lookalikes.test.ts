import type { UnknownStrategy } from '@tradehook/contracts';
import { adminSend, fateOf, ordersAtIb } from '../support/admin-calls';
import { originalPayload, startTestStack, type TestStack } from '../support/stack';

// Red-team finding 4: with unknown strategies allowed, an all-Cyrillic "Ѕсоре" passed as a strategy of its own and
// traded 50 lots with the global secret next to Scope (max quantity 1), and looked like Scope in the console. Now the
// webhook refuses it, the dispatcher refuses it should it be accepted anyway, and the console says what it imitates.
const CYRILLIC_SCOPE = '\u0405\u0441\u043e\u0440\u0435';

let stack: TestStack;
let acceptedBeforeScope: number;
beforeAll(async () => {
  stack = await startTestStack({ sim: { prices: { AAPL: 190 } } });
  await stack.waitFor(async () => stack.running.services.session.isReady(), 'IB connected');
  // Accepted before Scope existed (and held by the kill switch): only the dispatcher can refuse it when it is resent.
  await settings({ killSwitch: true });
  acceptedBeforeScope = (await fateOf(stack, apple({ stratName: CYRILLIC_SCOPE, quantity: 50, alertId: 'early' }))).id;
  await settings({ killSwitch: false, unknownStrategyPolicy: 'allow' });
  expect((await adminSend(stack, 'POST', 'strategies', { name: 'Scope', maxQuantity: '1' })).status).toBe(201);
});
afterAll(() => stack.close());

const settings = async (data: Record<string, unknown>) => expect((await adminSend(stack, 'PUT', 'settings/1', data)).status).toBe(200);
const apple = (overrides: Record<string, unknown>) => originalPayload({ symbol: 'AAPL', exchange: 'NASDAQ', price: 190, ...overrides });
const LOOKS_LIKE_SCOPE = 'looks like the configured strategy "Scope" but is another name (letters of another script, or 0/O, 1/l/I)';

describe('a name that looks like a configured strategy never trades, whatever the unknown-strategy policy', () => {
  it.each([[CYRILLIC_SCOPE], ['SC0PE']])('%j, 50 lots with the global secret → 400 at the webhook naming stratName and Scope', async (stratName) => {
    const res = await stack.post(apple({ stratName, quantity: 50, alertId: `look-${stratName}` }));
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'stratName', problem: LOOKS_LIKE_SCOPE }]);
    const [row] = await stack.query(`SELECT id, status, strategy FROM alerts ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({ status: 'rejected', strategy: stratName });
    expect(ordersAtIb(stack, row.id)).toEqual([]);
  });

  it('refuses at the dispatcher one accepted before Scope was configured, naming Scope', async () => {
    const resend = await stack.fetch(`/api/admin/alerts/${acceptedBeforeScope}/resend`, { method: 'POST' });
    const { id } = (await resend.json()) as { id: number };
    const outcome = await stack.waitFor(async () =>
      (await stack.query(`SELECT status, reason FROM alerts WHERE id = $1 AND status <> 'accepted'`, [id]))[0], 'resent alert decided');
    expect(outcome).toEqual({ status: 'refused', reason: `Refused by rule "look-alike strategy name": "${CYRILLIC_SCOPE}" ${LOOKS_LIKE_SCOPE}` });
    expect(ordersAtIb(stack, id)).toEqual([]);
  });

  it('still lets an unknown name that looks like no strategy trade under "allow"', async () => {
    expect(await fateOf(stack, apple({ stratName: 'Elsewhere', quantity: 2, alertId: 'elsewhere' }))).toMatchObject({ status: 'placed' });
  });
});

describe('combining marks that are part of no letter', () => {
  it('"Risk1\\u0301" → 400 naming stratName at the webhook, and `name` in the admin API', async () => {
    const res = await stack.post(apple({ stratName: 'Risk1\u0301' }));
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'stratName', problem: expect.stringContaining('combining mark (U+0301)') }]);
    const created = await adminSend(stack, 'POST', 'strategies', { name: 'Risk1\u0301' });
    expect(created.status).toBe(400);
    expect(created.body.message).toMatch(/name: contains a combining mark \(U\+0301\)/);
  });
});

describe('the admin API keeps configured names from looking alike', () => {
  it(`refuses creating "${CYRILLIC_SCOPE}" next to Scope, and renaming another strategy to SC0PE`, async () => {
    const created = await adminSend(stack, 'POST', 'strategies', { name: CYRILLIC_SCOPE });
    expect(created.status).toBe(409);
    expect(created.body.message).toContain(`name: "${CYRILLIC_SCOPE}" looks like the configured strategy "Scope"`);
    const { body: { id } } = await adminSend(stack, 'POST', 'strategies', { name: 'Telescope' });
    const renamed = await adminSend(stack, 'PUT', `strategies/${id}`, { name: 'SC0PE' });
    expect([renamed.status, renamed.body.message]).toEqual([409, expect.stringContaining('name: "SC0PE" looks like')]);
    expect((await stack.query(`SELECT name FROM strategies ORDER BY id`)).map((r: { name: string }) => r.name)).toEqual(['Scope', 'Telescope']);
  });
});

describe('the unconfigured-names list', () => {
  it('says which configured strategy a name looks like', async () => {
    const list = (await stack.get('/api/admin/unknown-strategies')).body as UnknownStrategy[];
    const byName = new Map(list.map((u) => [u.name, u]));
    expect(byName.get(CYRILLIC_SCOPE)).toMatchObject({ looksLike: 'Scope', alerts: 2 }); // the alert and its resend
    expect(byName.get('Elsewhere')).not.toHaveProperty('looksLike');
    expect(byName.has('SC0PE')).toBe(false); // refused at the webhook: anyone can send those
  });
});
