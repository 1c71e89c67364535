import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { SignOutButton } from '../../features/auth/components/SignOutButton';
import { useRedirectToLoginOnUnauthorized } from '../../features/auth/use-redirect-to-login';
import { StatusBanners } from './StatusBanners';

const NAV = [
  { to: '/', label: 'Home', end: true },
  { to: '/requests', label: 'Alerts', end: false },
  { to: '/trades', label: 'Trades', end: false },
  { to: '/positions', label: 'Positions', end: false },
  { to: '/guide', label: 'Webhook guide', end: false },
];

export function AppLayout() {
  const { pathname } = useLocation();
  useRedirectToLoginOnUnauthorized();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand" end>
          Tradehook
        </NavLink>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              </li>
            ))}
            <li>
              <a href="/documentation">API docs</a>
            </li>
            <li>
              <a href="/admin">Admin</a>
            </li>
          </ul>
        </nav>
        <SignOutButton />
      </header>
      <ErrorBoundary key={`banners${pathname}`}>
        <StatusBanners />
      </ErrorBoundary>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary key={pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </>
  );
}
