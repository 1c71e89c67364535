import { ContractMappingInput } from '@tradehook/contracts';
import { BooleanInput, maxLength, regex, required, SelectInput, TextInput } from 'react-admin';
import { literalChoices } from '../../shared/choices';

const SEC_TYPES = literalChoices(ContractMappingInput.properties.secType);

/** The contract mapping form, shared by create and edit. */
export function ContractMappingInputs() {
  return (
    <>
      <TextInput source="tvSymbol" label="TradingView symbol" validate={[required(), maxLength(50)]} helperText="e.g. NQ1! or AAPL" />
      <TextInput source="tvExchange" label="TradingView exchange" validate={maxLength(50)} helperText="Empty: any exchange" />
      <TextInput source="symbol" label="IB symbol" validate={[required(), maxLength(50)]} helperText="Futures: the root, e.g. NQ" />
      <SelectInput source="secType" label="Security type" choices={SEC_TYPES} validate={required()} />
      <TextInput source="exchange" label="IB exchange" validate={[required(), maxLength(50)]} helperText="e.g. SMART, CME" />
      <TextInput source="primaryExchange" label="Primary exchange" validate={maxLength(50)} />
      <TextInput source="currency" defaultValue="USD" validate={regex(/^[A-Z]{3}$/, 'Three capital letters, e.g. USD')} />
      <TextInput source="multiplier" validate={maxLength(20)} />
      <TextInput source="localSymbol" label="IB local symbol" validate={maxLength(50)} helperText="A fixed contract, e.g. NQZ5" />
      <BooleanInput source="frontMonth" label="Continuous future: trade the front quarterly month" />
    </>
  );
}
