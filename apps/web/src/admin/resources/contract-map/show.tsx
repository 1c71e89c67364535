import { BooleanField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { TimestampField } from '../../shared/fields';
import { RecordActions } from '../../shared/RecordActions';

export function ContractMappingShow() {
  return (
    <Show actions={<RecordActions />}>
      <SimpleShowLayout>
        <TextField source="tvSymbol" label="TradingView symbol" />
        <TextField source="tvExchange" label="TradingView exchange" emptyText="any" />
        <TextField source="symbol" label="IB symbol" />
        <TextField source="secType" label="Security type" />
        <TextField source="exchange" label="IB exchange" />
        <TextField source="primaryExchange" emptyText="—" />
        <TextField source="currency" />
        <TextField source="multiplier" emptyText="—" />
        <TextField source="localSymbol" label="IB local symbol" emptyText="—" />
        <BooleanField source="frontMonth" label="Front quarterly month" />
        <TimestampField source="updatedAt" label="Changed" />
      </SimpleShowLayout>
    </Show>
  );
}
