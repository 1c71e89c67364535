import { useQueryClient } from '@tanstack/react-query';
import simpleRestProvider from 'ra-data-simple-rest';
import { Admin } from 'react-admin';

const dataProvider = simpleRestProvider('/api');

/** Shown while the console has no resources (react-admin renders a blank page otherwise in production). */
function NoResourcesYet() {
  return (
    <main style={{ padding: '2rem', fontFamily: 'system-ui, sans-serif' }}>
      <h1>Tradehook admin</h1>
      <p>The admin console has no resources yet.</p>
      <a href="/">Back to the trader app</a>
    </main>
  );
}

/**
 * The admin console, loaded only at /admin (its own chunk: react-admin + MUI). Placeholder: resources come
 * in a later issue. It shares the app's QueryClient, so admin edits refresh the trader pages' caches too.
 */
export default function AdminApp() {
  const queryClient = useQueryClient();
  return (
    <Admin basename="/admin" dataProvider={dataProvider} queryClient={queryClient} ready={NoResourcesYet} disableTelemetry />
  );
}
