import type { AlertDetail } from '@tradehook/contracts';
import { FunctionField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { contractLabel } from '../../../features/alerts/contract-label';
import { DecimalField, TimestampField } from '../../shared/fields';
import { RecordActions } from '../../shared/RecordActions';
import { RawBodyField } from './RawBodyField';
import { ResendButton } from './ResendButton';

export function AlertShow() {
  return (
    <Show
      actions={
        <RecordActions editable={false}>
          <ResendButton />
        </RecordActions>
      }
    >
      <SimpleShowLayout>
        <TextField source="id" label="Alert #" />
        <TimestampField source="receivedAt" label="Received" />
        <TextField source="status" />
        <TextField source="reason" emptyText="—" />
        <TextField source="httpStatus" label="HTTP status answered" />
        <TextField source="strategy" emptyText="—" />
        <TextField source="symbol" emptyText="—" />
        <TextField source="exchange" emptyText="—" />
        <FunctionField<AlertDetail> label="IB contract" render={(alert) => contractLabel(alert.contract)} />
        <TextField source="direction" emptyText="—" />
        <DecimalField source="quantity" />
        <DecimalField source="price" />
        <TextField source="orderType" emptyText="—" />
        <TextField source="alertText" emptyText="—" />
        <TextField source="externalId" label="Sender's alert id" emptyText="—" />
        <TextField source="clientIp" label="Client IP" emptyText="—" />
        <ReferenceField source="duplicateOf" reference="alerts" label="Duplicate of" link="show" emptyText="—" />
        <ReferenceField source="order.id" reference="orders" label="Order" link="show" emptyText="No order" />
        <RawBodyField />
      </SimpleShowLayout>
    </Show>
  );
}
