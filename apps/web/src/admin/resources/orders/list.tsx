import { ORDER_STATUSES } from '@tradehook/contracts';
import { DataTable, SelectInput, TextInput } from 'react-admin';
import { choicesOf } from '../../shared/choices';
import { DecimalField, TimestampField } from '../../shared/fields';
import { ResourceList, ResourceTable } from '../../shared/ResourceList';

const filters = [
  <SelectInput key="status" source="status" choices={choicesOf(ORDER_STATUSES)} />,
  <TextInput key="symbol" source="symbol" label="Symbol (exact)" />,
];

export function OrderList() {
  return (
    <ResourceList filters={filters} sort={{ field: 'id', order: 'DESC' }}>
      <ResourceTable>
        <DataTable.Col source="id" label="#" />
        <DataTable.Col source="createdAt" label="Created">
          <TimestampField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col source="alertId" label="Alert" />
        <DataTable.Col source="ibOrderId" label="IB order id" />
        <DataTable.Col source="symbol" />
        <DataTable.Col source="side" />
        <DataTable.Col align="right" source="quantity" disableSort>
          <DecimalField source="quantity" />
        </DataTable.Col>
        <DataTable.Col source="orderType" label="Type" disableSort />
        <DataTable.Col source="status" />
        <DataTable.Col align="right" source="filled" disableSort>
          <DecimalField source="filled" />
        </DataTable.Col>
        <DataTable.Col align="right" source="avgFillPrice" label="Avg fill" disableSort>
          <DecimalField source="avgFillPrice" />
        </DataTable.Col>
      </ResourceTable>
    </ResourceList>
  );
}
