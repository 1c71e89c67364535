import type { Services } from '../../services';
import type { ResourceDefinition } from '../resource';
import { alertsResource, auditLogResource, executionsResource, ordersResource } from './read-only';
import { contractMapResource, settingsResource, strategiesResource, usersResource } from './writable';

/** Every resource of the admin console. */
export function adminResources(s: Services): ResourceDefinition[] {
  return [
    { ...alertsResource, remove: async (id) => void (await s.alerts.delete(id)) },
    ordersResource,
    executionsResource,
    strategiesResource(s.db, s.strategies),
    contractMapResource(s.db, s.contracts),
    usersResource(s.db),
    settingsResource(s.settings),
    auditLogResource,
  ];
}
