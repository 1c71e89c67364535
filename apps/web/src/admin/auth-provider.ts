import type { CurrentUser, LoginRequest } from '@tradehook/contracts';
import type { AuthProvider } from 'react-admin';
import { getCurrentUser } from '../features/auth/api/get-current-user';
import { login } from '../features/auth/api/login';
import { logout } from '../features/auth/api/logout';
import { roleCanAccess } from './permissions';

const statusOf = (error: unknown): number | undefined => (error as { status?: number } | null)?.status;

/**
 * react-admin's view of the session cookie, over /api/auth/*. The signed-in user is fetched once and kept until
 * checkAuth asks again, so permissions and canAccess do not cost a request each.
 */
export function createAuthProvider(): AuthProvider {
  let currentUser: Promise<CurrentUser> | null = null;
  const me = () => (currentUser ??= getCurrentUser().catch((error: unknown) => {
    currentUser = null;
    throw error;
  }));

  return {
    async login(credentials: LoginRequest) {
      currentUser = Promise.resolve(await login(credentials));
    },
    async logout() {
      currentUser = null;
      // Already signed out (401) or the API is down: either way the console forgets the user.
      await logout().catch(() => undefined);
    },
    async checkAuth() {
      currentUser = null;
      // No notification: the login page explains itself.
      await me().catch(() => Promise.reject({ message: false }));
    },
    async checkError(error: unknown) {
      // 401: the session is gone, sign in again. 403 is a viewer trying to write: stay, the message says why.
      if (statusOf(error) === 401) {
        currentUser = null;
        throw { message: false };
      }
    },
    async getIdentity() {
      const user = await me();
      return { id: user.id, fullName: user.username };
    },
    async getPermissions() {
      return (await me()).role;
    },
    async canAccess({ action, resource }) {
      return roleCanAccess((await me()).role, action, resource);
    },
  };
}
