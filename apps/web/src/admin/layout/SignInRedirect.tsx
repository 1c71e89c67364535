import { Navigate, useLocation } from 'react-router-dom';
import { loginPathReturningTo } from '../../features/auth/next-path';

/** What react-admin passes to its login route: the page it was showing. */
interface ReactAdminLoginState {
  nextPathname?: string;
  nextSearch?: string;
}

const REACT_ADMIN_LOGIN = '/admin/login';

/** The console page to come back to after signing in (react-admin's login route remembers it in its state). */
function useConsolePageToReturnTo(): string {
  const { pathname, search, state } = useLocation();
  if (pathname !== REACT_ADMIN_LOGIN) return pathname + search;
  const { nextPathname, nextSearch = '' } = (state ?? {}) as ReactAdminLoginState;
  return nextPathname ? nextPathname + nextSearch : '/admin';
}

/**
 * Leaves the console for the app's login page, which comes back to the console page afterwards. It is
 * react-admin's login page (/admin/login) and what the session gate shows without a session.
 */
export function SignInRedirect() {
  return <Navigate to={loginPathReturningTo(useConsolePageToReturnTo())} replace />;
}
