import { BooleanField, DataTable } from 'react-admin';
import { ResourceList, ResourceTable } from '../../shared/ResourceList';

export function ContractMappingList() {
  return (
    <ResourceList sort={{ field: 'tvSymbol', order: 'ASC' }}>
      <ResourceTable>
        <DataTable.Col source="tvSymbol" label="TradingView symbol" />
        <DataTable.Col source="tvExchange" label="TV exchange" />
        <DataTable.Col source="symbol" label="IB symbol" />
        <DataTable.Col source="secType" label="Type" />
        <DataTable.Col source="exchange" disableSort />
        <DataTable.Col source="currency" disableSort />
        <DataTable.Col source="localSymbol" label="Local symbol" disableSort />
        <DataTable.Col source="frontMonth" label="Front month" disableSort>
          <BooleanField source="frontMonth" />
        </DataTable.Col>
      </ResourceTable>
    </ResourceList>
  );
}
