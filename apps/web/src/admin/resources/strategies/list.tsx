import { BooleanField, DataTable, FunctionField } from 'react-admin';
import type { Strategy } from '@tradehook/contracts';
import { DecimalField, TimestampField } from '../../shared/fields';
import { ResourceList, ResourceTable } from '../../shared/ResourceList';
import { tradingWindow } from './trading-window';

export function StrategyList() {
  return (
    <ResourceList sort={{ field: 'name', order: 'ASC' }}>
      <ResourceTable>
        <DataTable.Col source="name" />
        <DataTable.Col source="enabled">
          <BooleanField source="enabled" />
        </DataTable.Col>
        <DataTable.Col source="hasSecret" label="Own secret" disableSort>
          <BooleanField source="hasSecret" />
        </DataTable.Col>
        <DataTable.Col align="right" source="maxQuantity" label="Max qty" disableSort>
          <DecimalField source="maxQuantity" />
        </DataTable.Col>
        <DataTable.Col source="allowedSymbols" label="Symbols" disableSort>
          <FunctionField<Strategy> render={(s) => s.allowedSymbols?.join(', ') || 'any'} />
        </DataTable.Col>
        <DataTable.Col label="Trading window" disableSort>
          <FunctionField<Strategy> render={tradingWindow} />
        </DataTable.Col>
        <DataTable.Col source="updatedAt" label="Changed">
          <TimestampField source="updatedAt" />
        </DataTable.Col>
      </ResourceTable>
    </ResourceList>
  );
}
