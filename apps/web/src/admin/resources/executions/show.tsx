import { ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DecimalField, TimestampField } from '../../shared/fields';

export function ExecutionShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TimestampField source="executedAt" label="Executed" />
        <ReferenceField source="orderId" reference="orders" label="Order" link="show" emptyText="— (not placed by Tradehook)" />
        <TextField source="side" />
        <DecimalField source="shares" label="Quantity of this fill" />
        <TextField source="symbol" />
        <TextField source="secType" label="Security type" />
        <TextField source="exchange" />
        <DecimalField source="price" />
        <DecimalField source="cumQty" label="Cumulative quantity" />
        <DecimalField source="avgPrice" label="Average price so far" />
        <DecimalField source="commission" />
        <TextField source="account" />
        <TextField source="execId" label="IB execution id" />
        <TextField source="ibOrderId" label="IB order id" />
        <TextField source="permId" label="IB permanent id" />
      </SimpleShowLayout>
    </Show>
  );
}
