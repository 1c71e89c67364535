import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../api/get-current-user';
import { useLogout } from '../api/logout';
import { LOGIN_PATH } from '../next-path';

/** The header's "who am I" and the way out. */
export function SignOutButton() {
  const { data: user } = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();

  const signOut = () =>
    logout.mutate(undefined, {
      onSuccess: () => navigate(LOGIN_PATH, { replace: true }),
    });

  return (
    <div className="session">
      {user ? (
        <span className="muted">
          {user.username}
          {user.role === 'viewer' ? ' (viewer)' : ''}
        </span>
      ) : null}
      <button type="button" className="button small" onClick={signOut} disabled={logout.isPending}>
        {logout.isPending ? 'Signing out…' : 'Sign out'}
      </button>
      {logout.error ? (
        <span className="error-text" role="alert">
          Sign-out failed: {logout.error.message}
        </span>
      ) : null}
    </div>
  );
}
