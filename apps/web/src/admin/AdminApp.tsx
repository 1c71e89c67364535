import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Admin, Resource } from 'react-admin';
import { createAuthProvider } from './auth-provider';
import { createAdminDataProvider } from './data-provider';
import { AdminLayout } from './layout/AdminLayout';
import { SessionGate } from './layout/SessionGate';
import { SignInRedirect } from './layout/SignInRedirect';
import { createSecretStore, SecretStoreContext } from './one-time-secret/secret-store';
import { alerts } from './resources/alerts';
import { auditLog } from './resources/audit-log';
import { contractMap } from './resources/contract-map';
import { executions } from './resources/executions';
import { orders } from './resources/orders';
import { settings } from './resources/settings';
import { strategies } from './resources/strategies';
import { users } from './resources/users';

/** One console instance: its providers and the store through which one-time secrets reach their dialog. */
function createConsole() {
  const secrets = createSecretStore();
  return { secrets, dataProvider: createAdminDataProvider(secrets.reveal), authProvider: createAuthProvider() };
}

/**
 * The admin console at /admin, its own lazy chunk (react-admin + MUI). It shares the app's QueryClient (an edit
 * here refreshes the trader pages' caches too) and the app's login page: the session gate sends a visitor
 * without a session there, and so does react-admin's login route when a session ends mid-way.
 */
export default function AdminApp() {
  const queryClient = useQueryClient();
  const [{ secrets, dataProvider, authProvider }] = useState(createConsole);
  return (
    <SessionGate>
      <SecretStoreContext.Provider value={secrets}>
        <Admin
          basename="/admin"
          title="Tradehook admin"
          disableTelemetry
          dataProvider={dataProvider}
          authProvider={authProvider}
          queryClient={queryClient}
          layout={AdminLayout}
          loginPage={SignInRedirect}
        >
          <Resource name="alerts" {...alerts} />
          <Resource name="orders" {...orders} />
          <Resource name="executions" {...executions} />
          <Resource name="strategies" {...strategies} />
          <Resource name="contract-map" {...contractMap} />
          <Resource name="settings" {...settings} />
          <Resource name="users" {...users} />
          <Resource name="audit-log" {...auditLog} />
        </Admin>
      </SecretStoreContext.Provider>
    </SessionGate>
  );
}
