import { DataTable } from 'react-admin';
import { TimestampField } from '../../shared/fields';
import { ResourceList, ResourceTable } from '../../shared/ResourceList';

export function UserList() {
  return (
    <ResourceList sort={{ field: 'username', order: 'ASC' }}>
      <ResourceTable rowClick="edit">
        <DataTable.Col source="username" />
        <DataTable.Col source="role" />
        <DataTable.Col source="lastLoginAt" label="Last sign-in" disableSort>
          <TimestampField source="lastLoginAt" emptyText="never" />
        </DataTable.Col>
        <DataTable.Col source="createdAt" label="Created" disableSort>
          <TimestampField source="createdAt" />
        </DataTable.Col>
      </ResourceTable>
    </ResourceList>
  );
}
