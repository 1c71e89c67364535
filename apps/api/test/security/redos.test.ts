import { toDecimal } from '../../src/ingest/decimal';
import { originalPayload, startTestStack, TEST_SECRET, type TestStack } from '../support/stack';

/**
 * A 63,000-digit "price" used to hold the event loop for 10 s (a backtracking number pattern), before the secret was
 * even checked: one anonymous request froze every alert. The bound below is 100× what the fixed code takes and a
 * fifth of what the old one did on this machine.
 */
const LONG = '1'.repeat(63_000);

describe('numbers an attacker makes long', () => {
  it('are refused before any pattern runs', () => {
    expect(toDecimal(`${LONG}x`, { maxAbs: 1e12, maxDecimals: 10 })).toEqual({ ok: false, problem: 'must be a number of at most 64 characters' });
    expect(toDecimal(`1.${'0'.repeat(61)}1`, { maxAbs: 1e12, maxDecimals: 100 })).toMatchObject({ ok: true });
  });

  describe('at the webhook', () => {
    let stack: TestStack;
    beforeAll(async () => {
      stack = await startTestStack({ env: { WEBHOOK_FAILURE_LIMIT_PER_MINUTE: '0' } });
    });
    afterAll(() => stack.close());

    it.each([
      ['price, no secret', { price: `${LONG}x`, secmgs: 'wrong-secret-1' }, 'application/json'],
      ['quantity, no secret', { quantity: `${LONG}x`, secmgs: undefined }, 'text/plain'],
      ['price, with the secret', { price: `${LONG}x`, secmgs: TEST_SECRET }, 'application/json'],
      ['limit price, with the secret', { orderType: 'LMT', limitPrice: `.${LONG}e1x`, secmgs: TEST_SECRET }, 'application/json'],
    ])('%s: answered at once, and the server stays responsive meanwhile', async (_what, fields, type) => {
      const started = Date.now();
      const attack = stack.post(JSON.stringify(originalPayload(fields)), type);
      const health = fetch(`${stack.url}/health`).then(() => Date.now() - started);
      const res = await attack;
      expect([400, 401]).toContain(res.status);
      expect(await health).toBeLessThan(2_000);
      expect(Date.now() - started).toBeLessThan(2_000);
    });
  });
});
