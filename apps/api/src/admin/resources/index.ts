import { deletionRefusal } from '../../alerts/alert-store';
import { rawBodyFor } from '../../alerts/raw-body-access';
import type { Services } from '../../services';
import type { ResourceDefinition } from '../resource';
import { alertsResource, auditLogResource, executionsResource, ordersResource } from './read-only';
import { strategiesResource } from './strategies';
import { contractMapResource, settingsResource, usersResource } from './writable';

/** Every resource of the admin console. */
export function adminResources(s: Services): ResourceDefinition[] {
  return [
    {
      ...alertsResource,
      present: rawBodyFor,
      async remove(id) {
        const refusal = deletionRefusal(id, await s.alerts.delete(id));
        if (refusal) throw refusal;
      },
    },
    ordersResource,
    executionsResource,
    strategiesResource(s.db, s.strategies),
    contractMapResource(s.db, s.contracts),
    usersResource(s.db),
    settingsResource(s.settings),
    auditLogResource,
  ];
}
