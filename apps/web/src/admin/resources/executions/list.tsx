import { DataTable, NumberInput, SelectInput, TextInput } from 'react-admin';
import { choicesOf } from '../../shared/choices';
import { DecimalField, TimestampField } from '../../shared/fields';
import { ResourceList, ResourceTable } from '../../shared/ResourceList';

const filters = [
  <TextInput key="symbol" source="symbol" label="Symbol (exact)" />,
  <SelectInput key="side" source="side" choices={choicesOf(['BUY', 'SELL'])} />,
  <NumberInput key="orderId" source="orderId" label="Order #" />,
];

export function ExecutionList() {
  return (
    <ResourceList filters={filters} sort={{ field: 'id', order: 'DESC' }}>
      <ResourceTable>
        <DataTable.Col source="executedAt" label="Time">
          <TimestampField source="executedAt" />
        </DataTable.Col>
        <DataTable.Col source="orderId" label="Order" />
        <DataTable.Col source="symbol" />
        <DataTable.Col source="side" />
        <DataTable.Col align="right" source="shares" disableSort>
          <DecimalField source="shares" />
        </DataTable.Col>
        <DataTable.Col align="right" source="price" disableSort>
          <DecimalField source="price" />
        </DataTable.Col>
        <DataTable.Col align="right" source="cumQty" label="Cumulative" disableSort>
          <DecimalField source="cumQty" />
        </DataTable.Col>
        <DataTable.Col align="right" source="commission" disableSort>
          <DecimalField source="commission" />
        </DataTable.Col>
        <DataTable.Col source="account" disableSort />
      </ResourceTable>
    </ResourceList>
  );
}
