import { mockApi } from '../test/mock-api';
import { createAuthProvider } from './auth-provider';
import { roleCanAccess } from './permissions';

const viewer = { id: 2, username: 'vic', role: 'viewer' };
const unauthorized = { status: 401, body: { error: 'unauthorized', message: 'Sign in to use Tradehook.' } };

describe('auth provider', () => {
  it('signs out on a 401 and stays signed in on a 403 (a viewer writing) or any other error', async () => {
    const auth = createAuthProvider();
    await expect(auth.checkError({ status: 401, message: 'Sign in to use Tradehook.' })).rejects.toEqual({ message: false });
    await expect(auth.checkError({ status: 403, message: 'Your role (viewer) can look but not change anything.' })).resolves.toBeUndefined();
    await expect(auth.checkError({ status: 409, message: 'Order 3 is filled: nothing to cancel' })).resolves.toBeUndefined();
  });

  it('reads the role from /api/auth/me once for permissions, identity and access checks', async () => {
    const api = mockApi({ 'GET /api/auth/me': { body: viewer } });
    const auth = createAuthProvider();

    await expect(auth.getPermissions!({})).resolves.toBe('viewer');
    await expect(auth.getIdentity!()).resolves.toEqual({ id: 2, fullName: 'vic' });
    await expect(auth.canAccess!({ action: 'list', resource: 'strategies' })).resolves.toBe(true);
    await expect(auth.canAccess!({ action: 'edit', resource: 'strategies' })).resolves.toBe(false);
    await expect(auth.canAccess!({ action: 'list', resource: 'users' })).resolves.toBe(false);
    expect(api.requests('GET /api/auth/me')).toHaveLength(1);

    // checkAuth asks the server again: the session may have ended meanwhile.
    await auth.checkAuth({});
    expect(api.requests('GET /api/auth/me')).toHaveLength(2);
  });

  it('fails checkAuth without a session, and forgets the user after a 401', async () => {
    const api = mockApi({ 'GET /api/auth/me': { body: viewer } });
    const auth = createAuthProvider();
    await expect(auth.getPermissions!({})).resolves.toBe('viewer');

    await auth.checkError({ status: 401 }).catch(() => undefined);
    mockApi({ 'GET /api/auth/me': unauthorized });
    await expect(auth.checkAuth({})).rejects.toEqual({ message: false });
    await expect(auth.getPermissions!({})).rejects.toMatchObject({ status: 401 });
    expect(api.requests('GET /api/auth/me')).toHaveLength(1);
  });

  it('logs in and out over /api/auth', async () => {
    const api = mockApi({ 'POST /api/auth/login': { body: viewer }, 'POST /api/auth/logout': { status: 204 } });
    const auth = createAuthProvider();
    await auth.login({ username: 'vic', password: 'long enough secret' });
    // The login answer is the user: no extra /me round trip.
    await expect(auth.getPermissions!({})).resolves.toBe('viewer');
    await auth.logout({});
    expect(api.requests('POST /api/auth/logout')).toHaveLength(1);
    expect(api.requests('GET /api/auth/me')).toHaveLength(0);
  });
});

describe('roleCanAccess', () => {
  it('lets an admin do anything and a viewer only look (never at users)', () => {
    expect(roleCanAccess('admin', 'delete', 'users')).toBe(true);
    expect(roleCanAccess('admin', 'resend', 'alerts')).toBe(true);
    expect(roleCanAccess('viewer', 'show', 'alerts')).toBe(true);
    for (const action of ['create', 'edit', 'delete', 'resend', 'cancel', 'rotate-secret']) {
      expect(roleCanAccess('viewer', action, 'strategies')).toBe(false);
    }
    expect(roleCanAccess('viewer', 'show', 'users')).toBe(false);
    expect(roleCanAccess(undefined, 'list', 'alerts')).toBe(false);
  });
});
