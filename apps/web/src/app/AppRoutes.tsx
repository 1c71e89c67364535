import { lazy, Suspense } from 'react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { LoginPage } from '../features/auth/components/LoginPage';
import { LiveEventsProvider } from '../lib/live-events';
import { AppLayout } from './layout/AppLayout';
import { AlertsRoute } from './routes/alerts';
import { GuideRoute } from './routes/guide';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { TradesRoute } from './routes/trades';

// react-admin and MUI weigh ~300 KB gzip: only /admin pays for them.
const AdminApp = lazy(() => import('../admin/AdminApp'));
// The positions page is its own chunk: the trader entry (what /trades loads) stays within its budget.
const PositionsRoute = lazy(() => import('./routes/positions'));

/** The routes, inside one live-events stream for every page but the login page (no session, no stream). */
export function AppRoutes() {
  const { pathname } = useLocation();
  return (
    <LiveEventsProvider paused={pathname.replace(/\/+$/, '') === '/login'}>
      <Routes>
        <Route path="login" element={<LoginPage />} />
        <Route element={<AppLayout />}>
          <Route index element={<HomeRoute />} />
          <Route path="requests" element={<AlertsRoute />} />
          <Route path="trades" element={<TradesRoute />} />
          <Route
            path="positions"
            element={
              <Suspense fallback={<p role="status">Loading positions…</p>}>
                <PositionsRoute />
              </Suspense>
            }
          />
          <Route path="guide" element={<GuideRoute />} />
          <Route path="*" element={<NotFoundRoute />} />
        </Route>
        <Route
          path="admin/*"
          element={
            <Suspense fallback={<p role="status">Loading the admin console…</p>}>
              <AdminApp />
            </Suspense>
          }
        />
      </Routes>
    </LiveEventsProvider>
  );
}
