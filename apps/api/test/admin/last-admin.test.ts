import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  // Only the two admins of each round count: the stack's own admin steps down.
  await stack.query(`UPDATE users SET role = 'viewer' WHERE username = 'admin'`);
});
afterAll(() => stack.close());

const PASSWORD = 'two-admins-password-1';
const ROUNDS = 6;

interface Admin { id: number; cookie: string }

/** alice and bob, both admins, both signed in (sessions made directly: the login route allows 10 a minute). */
async function twoAdmins(): Promise<[Admin, Admin]> {
  const { users, sessions } = stack.running.services;
  const cookieName = stack.cookie.split('=')[0];
  return Promise.all(['alice', 'bob'].map(async (name) => {
    const { id } = await users.upsert(name, PASSWORD, 'admin');
    return { id, cookie: `${cookieName}=${(await sessions.create(id)).token}` };
  })) as Promise<[Admin, Admin]>;
}

const adminCount = async () => (await stack.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin'`))[0].n as number;

async function act(by: Admin, target: Admin, action: 'demote' | 'delete'): Promise<{ status: number; message?: string }> {
  const res = await stack.fetch(`/api/admin/users/${target.id}`, {
    cookie: by.cookie,
    method: action === 'demote' ? 'PUT' : 'DELETE',
    headers: { 'content-type': 'application/json', origin: stack.url },
    body: action === 'demote' ? JSON.stringify({ role: 'viewer' }) : undefined,
  });
  const body = (await res.json()) as { message?: string };
  return { status: res.status, message: body.message };
}

describe('the last admin stays an admin, even when two admins act at once', () => {
  it.each([
    ['demote', 'demote'], ['delete', 'delete'], ['demote', 'delete'],
  ] as const)('alice %ss bob while bob %ss alice: exactly one succeeds, one admin is left', async (first, second) => {
    let refusedInside = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const [alice, bob] = await twoAdmins();
      const [a, b] = await Promise.all([act(alice, bob, first), act(bob, alice, second)]);
      expect(await adminCount()).toBe(1);
      const outcomes = [a.status, b.status].sort();
      // The loser is refused by the last-admin rule (409), or — had the winner committed before the loser's
      // request was even authorised — as a viewer (403) or an unknown session (401).
      expect(outcomes[0]).toBe(200);
      expect([401, 403, 409]).toContain(outcomes[1]);
      const refusal = [a, b].find((r) => r.status === 409);
      if (refusal) {
        refusedInside++;
        expect(refusal.message).toMatch(/last admin/);
      }
      await stack.query(`DELETE FROM users WHERE username IN ('alice', 'bob')`);
    }
    // The two requests really raced inside the transaction, not one after the other.
    expect(refusedInside).toBeGreaterThan(0);
  });

  it('the CLI cannot demote the last admin either; promoting, and demoting one of two, still work', async () => {
    const users = stack.running.services.users;
    const [alice, bob] = await twoAdmins();
    await users.upsert('bob', PASSWORD, 'viewer'); // one of two admins: fine
    await expect(users.upsert('alice', PASSWORD, 'viewer')).rejects.toThrow(/last admin/);
    expect(await adminCount()).toBe(1);
    await users.upsert('bob', PASSWORD, 'admin');
    expect((await act(alice, bob, 'demote')).status).toBe(200);
    expect(await adminCount()).toBe(1);
    expect((await act(alice, alice, 'delete')).status).toBe(409); // yourself: refused as before
  });
});
