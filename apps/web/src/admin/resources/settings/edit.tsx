import { TRADINGVIEW_ADDRESSES } from '@tradehook/contracts';
import { BooleanInput, maxValue, minValue, NumberInput, required, SelectInput, SimpleForm } from 'react-admin';
import { ListTextInput } from '../../shared/ListTextInput';
import { ResourceEdit, SaveOnlyToolbar } from '../../shared/ResourceForms';
import { KillSwitchInput } from './KillSwitchInput';
import { UNKNOWN_STRATEGY_CHOICES } from './unknown-strategy-policy';

const seconds = (min: number) => [required(), minValue(min), maxValue(86_400)];
const positive = (value: unknown) => (typeof value === 'number' && value <= 0 ? 'Must be greater than 0' : undefined);
const globalLimit = [required(), positive];

export function SettingsEdit() {
  return (
    <ResourceEdit title="Settings" actions={false} redirect={false}>
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <KillSwitchInput />
        <NumberInput
          source="orderMaxAgeSeconds"
          label="Order max age (seconds)"
          helperText="ORDER_MAX_AGE: an alert not placed by then expires instead of trading late"
          validate={seconds(1)}
          min={1}
        />
        <NumberInput
          source="duplicateWindowSeconds"
          label="Duplicate window (seconds)"
          helperText="A byte-identical alert within this window is answered duplicate; 0 turns this off"
          validate={seconds(0)}
          min={0}
        />
        <NumberInput
          source="priceBandPercent"
          label="Price band (%)"
          helperText="An alert whose price, limit or stop is further than this from IB’s reference price (market data, else the last fill) is refused"
          validate={[required(), minValue(1), maxValue(100)]}
          min={1}
          max={100}
        />
        <NumberInput
          source="rejectedRetentionDays"
          label="Keep rejected alerts (days)"
          helperText="Rejected and duplicate alerts that led to no order are deleted after this many days"
          validate={[required(), minValue(1), maxValue(3650)]}
          min={1}
        />
        <BooleanInput source="ipAllowlistEnabled" label="Accept webhooks only from the IP allowlist" />
        <ListTextInput
          source="ipAllowlist"
          label="IP allowlist"
          helperText="Comma-separated addresses or CIDR ranges (e.g. 52.89.214.238, 10.0.0.0/8) allowed to call /webhook when the allowlist is on"
          preset={{ label: 'Use TradingView’s addresses', values: TRADINGVIEW_ADDRESSES }}
        />
        <SelectInput
          source="unknownStrategyPolicy"
          label="Alerts for a strategy not configured here"
          choices={UNKNOWN_STRATEGY_CHOICES}
          validate={required()}
        />
        <NumberInput
          source="globalMaxQuantity"
          label="Global max quantity per order"
          helperText="Every order, whatever its strategy; forex quantities are in units of the base currency (raise it to trade forex)"
          validate={globalLimit}
        />
        <NumberInput
          source="globalMaxNotional"
          label="Global max notional per order"
          helperText="Every order: quantity × price × multiplier (futures), in the contract's currency, priced as for a strategy's max notional"
          validate={globalLimit}
        />
      </SimpleForm>
    </ResourceEdit>
  );
}
