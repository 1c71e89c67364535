import { StrategyInput, strategyNameProblem } from '@tradehook/contracts';
import { BooleanInput, maxLength, required, SelectInput, TextInput } from 'react-admin';
import { literalChoices } from '../../shared/choices';
import { DecimalInput, TimeOfDayInput, TimeZoneInput } from '../../shared/inputs';
import { ListTextInput } from '../../shared/ListTextInput';

const ORDER_TYPES = literalChoices(StrategyInput.properties.defaultOrderType);
const POSITION_MODE_CHOICES = [{ id: 'orders', name: 'Orders (trade what the alert says)' }, { id: 'target', name: 'Target (trade to the stated position)' }];
/** The API's own rule (invisible characters, mixed scripts…), said before saving. */
const nameRule = (value: unknown) => (typeof value === 'string' ? strategyNameProblem(value) ?? undefined : undefined);

/** The strategy form, shared by create and edit. Empty limits mean "no limit". */
export function StrategyInputs() {
  return (
    <>
      <TextInput
        source="name"
        validate={[required(), maxLength(100), nameRule]}
        helperText="As stratName in the alert: case, spacing and fullwidth letters do not matter; invisible characters and mixed scripts are refused"
      />
      <BooleanInput source="enabled" defaultValue={true} helperText="Off: this strategy's alerts are refused" />
      <DecimalInput source="defaultQuantity" label="Default quantity" helperText="Used when the alert has no quantity" />
      <DecimalInput source="maxQuantity" label="Max quantity per order" />
      <DecimalInput source="maxNotional" label="Max notional per order" helperText="Quantity × price × multiplier (futures), priced at the higher of the alert's price and IB's last fill" />
      <ListTextInput
        source="allowedSymbols"
        label="Allowed symbols"
        helperText="Comma-separated; empty allows any symbol"
      />
      <TimeOfDayInput source="tradingWindowStart" label="Trading window start" />
      <TimeOfDayInput source="tradingWindowEnd" label="Trading window end" />
      <TimeZoneInput source="timeZone" label="Time zone of the window" defaultValue="America/New_York" validate={required()} />
      <SelectInput
        source="defaultOrderType"
        label="Default order type"
        choices={ORDER_TYPES}
        emptyText="As in the alert"
      />
      <SelectInput
        source="positionMode"
        label="Position mode"
        choices={POSITION_MODE_CHOICES}
        defaultValue="orders"
        validate={required()}
        helperText={'Orders: trade what each alert says (BUY/SELL quantity). Target: the alert states where the strategy should stand '
          + '(positionSize, or marketPosition + marketPositionSize from {{strategy.position_size}} …) and only the difference to its '
          + 'current position, working orders included, is traded — a repeated or late alert trades nothing, a missed one is made up by the next'}
      />
    </>
  );
}
