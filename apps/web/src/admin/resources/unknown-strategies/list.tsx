import type { UnknownStrategy } from '@tradehook/contracts';
import { CreateButton, DataTable, List, NumberField, useRecordContext } from 'react-admin';
import { TimestampField } from '../../shared/fields';

/** Opens the new-strategy form with the name as the alerts send it (react-admin pre-fills from the location state). */
function ConfigureButton() {
  const seen = useRecordContext<UnknownStrategy>();
  if (!seen || seen.looksLike) return null; // the API refuses a name that looks like a configured strategy
  return (
    <CreateButton resource="strategies" label="Configure" state={{ record: { name: seen.name } }}
      aria-label={`Configure a strategy named ${seen.name}`} />
  );
}

/** The name as sent; one that looks like a configured strategy says so, or the list would show it as that strategy. */
function NameCell() {
  const seen = useRecordContext<UnknownStrategy>();
  if (!seen) return null;
  return (
    <>
      {seen.name}
      {seen.looksLike && (
        <div role="note" style={{ color: '#b45309', fontSize: '0.8rem' }}>
          ⚠ Looks like the strategy “{seen.looksLike}” but is another name (letters of another script, or 0/O, 1/l/I):
          its alerts are refused.
        </div>
      )}
    </>
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
        <DataTable.Col source="name" label="Name as sent" disableSort>
          <NameCell />
        </DataTable.Col>
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
