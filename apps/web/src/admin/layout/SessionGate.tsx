import type { ReactNode } from 'react';
import { useCurrentUser } from '../../features/auth/api/get-current-user';
import { SignInRedirect } from './SignInRedirect';

/**
 * Opens the console only with a session; without one, straight to the app's login page. react-admin's own checks
 * still run on every page, for a session that ends while the console is open.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { data: user, error } = useCurrentUser();
  if ((error as { status?: number } | null)?.status === 401) return <SignInRedirect />;
  if (error) {
    return (
      <p role="alert" style={{ padding: '2rem' }}>
        The admin console cannot start: {error.message}
      </p>
    );
  }
  if (!user) return <p role="status" style={{ padding: '2rem' }}>Loading the admin console…</p>;
  return children;
}
