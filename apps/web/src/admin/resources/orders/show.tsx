import { DataTable, Pagination, ReferenceField, ReferenceManyField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { DecimalField, TimestampField } from '../../shared/fields';
import { ResourceTable } from '../../shared/ResourceList';
import { CancelOrderButton } from './CancelOrderButton';

function OrderActions() {
  return (
    <TopToolbar>
      <CancelOrderButton />
    </TopToolbar>
  );
}

export function OrderShow() {
  return (
    <Show actions={<OrderActions />}>
      <SimpleShowLayout>
        <TextField source="id" label="Order #" />
        <ReferenceField source="alertId" reference="alerts" label="Alert" link="show" emptyText="—" />
        <TextField source="status" />
        <TextField source="lastError" label="Last error from IB" emptyText="—" />
        <TextField source="side" />
        <DecimalField source="quantity" />
        <TextField source="symbol" />
        <TextField source="localSymbol" emptyText="—" />
        <TextField source="secType" label="Security type" />
        <TextField source="exchange" />
        <TextField source="primaryExchange" emptyText="—" />
        <TextField source="currency" />
        <TextField source="orderType" label="Order type" />
        <DecimalField source="limitPrice" />
        <DecimalField source="stopPrice" />
        <TextField source="tif" label="Time in force" />
        <DecimalField source="filled" />
        <DecimalField source="remaining" />
        <DecimalField source="avgFillPrice" label="Average fill price" />
        <TextField source="ibOrderId" label="IB order id" />
        <TextField source="permId" label="IB permanent id" emptyText="—" />
        <TextField source="clientId" label="IB client id" />
        <TimestampField source="createdAt" label="Created" />
        <TimestampField source="submittedAt" label="Sent to IB" emptyText="—" />
        <TimestampField source="acknowledgedAt" label="Acknowledged by IB" emptyText="—" />
        <TimestampField source="filledAt" label="Filled" emptyText="—" />
        <TimestampField source="closedAt" label="Cancelled or rejected" emptyText="—" />
        <ReferenceManyField reference="executions" target="orderId" label="Executions" sort={{ field: 'id', order: 'ASC' }} pagination={<Pagination />}>
          <ResourceTable>
            <DataTable.Col source="executedAt" label="Time">
              <TimestampField source="executedAt" />
            </DataTable.Col>
            <DataTable.Col align="right" source="shares" disableSort>
              <DecimalField source="shares" />
            </DataTable.Col>
            <DataTable.Col align="right" source="price" disableSort>
              <DecimalField source="price" />
            </DataTable.Col>
            <DataTable.Col align="right" source="commission" disableSort>
              <DecimalField source="commission" />
            </DataTable.Col>
            <DataTable.Col source="execId" label="IB execution id" disableSort />
          </ResourceTable>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
