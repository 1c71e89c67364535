import { ALERT_STATUSES } from '@tradehook/contracts';
import { DataTable, SelectInput, TextField, TextInput } from 'react-admin';
import { choicesOf } from '../../shared/choices';
import { DecimalField, TimestampField } from '../../shared/fields';
import { ResourceList, ResourceTable } from '../../shared/ResourceList';

const filters = [
  <TextInput key="strategy" source="strategy" label="Strategy (exact)" />,
  <TextInput key="symbol" source="symbol" label="Symbol (exact)" />,
  <SelectInput key="status" source="status" choices={choicesOf(ALERT_STATUSES)} />,
];

export function AlertList() {
  return (
    <ResourceList filters={filters} sort={{ field: 'id', order: 'DESC' }}>
      <ResourceTable>
        <DataTable.Col source="id" label="#" />
        <DataTable.Col source="receivedAt" label="Received">
          <TimestampField source="receivedAt" />
        </DataTable.Col>
        <DataTable.Col source="strategy" />
        <DataTable.Col source="symbol" />
        <DataTable.Col source="direction" />
        <DataTable.Col align="right" source="quantity" disableSort>
          <DecimalField source="quantity" />
        </DataTable.Col>
        <DataTable.Col align="right" source="price" disableSort>
          <DecimalField source="price" />
        </DataTable.Col>
        <DataTable.Col source="status" />
        <DataTable.Col source="reason" disableSort />
        <DataTable.Col source="order.status" label="Order" disableSort>
          <TextField source="order.status" emptyText="—" />
        </DataTable.Col>
      </ResourceTable>
    </ResourceList>
  );
}
