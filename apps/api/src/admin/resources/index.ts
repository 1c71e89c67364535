import { alertKeptMessage, alertNotFoundMessage } from '../../alerts/alert-store';
import type { Services } from '../../services';
import { RequestError } from '../row-writer';
import type { ResourceDefinition } from '../resource';
import { alertsResource, auditLogResource, executionsResource, ordersResource } from './read-only';
import { contractMapResource, settingsResource, strategiesResource, usersResource } from './writable';

/** Every resource of the admin console. */
export function adminResources(s: Services): ResourceDefinition[] {
  return [
    {
      ...alertsResource,
      async remove(id) {
        const deletion = await s.alerts.delete(id);
        if (deletion.outcome === 'traded') throw new RequestError(409, alertKeptMessage(id, deletion.order));
        if (deletion.outcome === 'not_found') throw new RequestError(404, alertNotFoundMessage(id));
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
