import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { setUnauthorizedHandler } from '../../lib/api-client';
import { loginPathReturningTo } from './next-path';

/**
 * While mounted (the trader pages' layout), any 401 from the API sends the user to the login page, which brings
 * them back here afterwards. Unmounted (login page, admin console) a 401 is left to whoever made the call.
 */
export function useRedirectToLoginOnUnauthorized(): void {
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef('');
  here.current = location.pathname + location.search;

  useEffect(() => {
    setUnauthorizedHandler(() => navigate(loginPathReturningTo(here.current), { replace: true }));
    return () => setUnauthorizedHandler(() => {});
  }, [navigate]);
}
