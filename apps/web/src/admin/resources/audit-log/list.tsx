import { DataTable, TextInput } from 'react-admin';
import { TimestampField } from '../../shared/fields';
import { ResourceList, ResourceTable } from '../../shared/ResourceList';

const filters = [
  <TextInput key="username" source="username" label="User (exact)" />,
  <TextInput key="action" source="action" label="Action (exact)" />,
  <TextInput key="resource" source="resource" label="Resource (exact)" />,
];

export function AuditLogList() {
  return (
    <ResourceList filters={filters} sort={{ field: 'id', order: 'DESC' }}>
      <ResourceTable>
        <DataTable.Col source="at" label="When">
          <TimestampField source="at" />
        </DataTable.Col>
        <DataTable.Col source="username" label="User" />
        <DataTable.Col source="action" />
        <DataTable.Col source="resource" />
        <DataTable.Col source="resourceId" label="Record" disableSort />
      </ResourceTable>
    </ResourceList>
  );
}
