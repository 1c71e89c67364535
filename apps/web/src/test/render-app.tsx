import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { AppProviders } from '../app/AppProviders';
import { AppRoutes } from '../app/AppRoutes';
import { createQueryClient } from '../lib/query-client';

/** Shows the router's current URL so tests can check what a page put in it. */
function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname + location.search}</div>;
}

/** Renders the whole app at a path, as the browser would, with the app's own providers and routes. */
export function renderApp(path: string) {
  // No retries: a failed request shows its error now, not after the backoff. No GC timers left behind.
  const queryClient = createQueryClient({ retry: false, gcTime: Infinity });
  const utils = render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <LocationProbe />
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...utils, queryClient };
}
