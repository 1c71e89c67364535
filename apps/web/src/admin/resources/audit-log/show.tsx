import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { JsonField, TimestampField } from '../../shared/fields';

export function AuditLogShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TimestampField source="at" label="When" />
        <TextField source="username" label="User" emptyText="—" />
        <TextField source="action" />
        <TextField source="resource" />
        <TextField source="resourceId" label="Record" emptyText="—" />
        <JsonField source="details" label="Details" />
      </SimpleShowLayout>
    </Show>
  );
}
