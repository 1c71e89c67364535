import type { UnknownStrategy } from '@tradehook/contracts';
import { CreateButton, DataTable, List, NumberField, useRecordContext } from 'react-admin';
import { TimestampField } from '../../shared/fields';

/** Opens the new-strategy form with the name as the alerts send it (react-admin pre-fills from the location state). */
function ConfigureButton() {
  const seen = useRecordContext<UnknownStrategy>();
  if (!seen) return null;
  return (
    <CreateButton resource="strategies" label="Configure" state={{ record: { name: seen.name } }}
      aria-label={`Configure a strategy named ${seen.name}`} />
  );
}

const Empty = () => <p style={{ padding: '1rem' }}>Every strategy alerts have named is configured.</p>;

/**
 * Names alerts arrived with that no strategy matches (spellings that differ only in case or spaces are one row),
 * newest first. Unknown strategies are refused once any strategy is configured: configure one to let it trade.
 */
export function UnknownStrategyList() {
  return (
    <List title="Strategies seen, not configured" perPage={200} pagination={false} actions={false} empty={<Empty />}
      sort={{ field: 'lastSeenAt', order: 'DESC' }}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="name" label="Name as sent" disableSort />
        <DataTable.Col align="right" source="alerts" disableSort>
          <NumberField source="alerts" />
        </DataTable.Col>
        <DataTable.Col source="lastSeenAt" label="Last seen" disableSort>
          <TimestampField source="lastSeenAt" />
        </DataTable.Col>
        <DataTable.Col label="" disableSort>
          <ConfigureButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
