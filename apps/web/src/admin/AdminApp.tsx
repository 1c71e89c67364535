import { useQueryClient, type QueryClient } from '@tanstack/react-query';
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
import { unknownStrategies } from './resources/unknown-strategies';
import { users } from './resources/users';

/** The console's resources, in menu order. */
const RESOURCES = {
  alerts,
  orders,
  executions,
  strategies,
  'unknown-strategies': unknownStrategies,
  'contract-map': contractMap,
  settings,
  users,
  'audit-log': auditLog,
};

/** The queries react-admin keys as [resource, method, params]. */
const DATA_METHODS = ['getList', 'getInfiniteList', 'getOne', 'getMany', 'getManyReference'];

/**
 * The app's 15 s stale time suits data that live events keep fresh, not the console's records: after a create or
 * an edit, react-admin writes the record into the cached lists (which marks them fresh again) and counts on every
 * page refetching when it opens, as with its own default (0). Without this, a list opened after a create then an
 * edit still showed the list from before the create.
 */
function refetchConsolePagesOnOpen(queryClient: QueryClient) {
  for (const resource of Object.keys(RESOURCES)) {
    for (const method of DATA_METHODS) queryClient.setQueryDefaults([resource, method], { staleTime: 0 });
  }
}

/** One console instance: its providers and the store through which one-time secrets reach their dialog. */
function createConsole(queryClient: QueryClient) {
  refetchConsolePagesOnOpen(queryClient);
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
  const [{ secrets, dataProvider, authProvider }] = useState(() => createConsole(queryClient));
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
          {Object.entries(RESOURCES).map(([name, resource]) => (
            <Resource key={name} name={name} {...resource} />
          ))}
        </Admin>
      </SecretStoreContext.Provider>
    </SessionGate>
  );
}
