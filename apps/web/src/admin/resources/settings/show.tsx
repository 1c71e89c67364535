import type { Settings } from '@tradehook/contracts';
import { BooleanField, FunctionField, NumberField, SelectField, Show, SimpleShowLayout } from 'react-admin';
import { TimestampField } from '../../shared/fields';
import { UNKNOWN_STRATEGY_CHOICES } from './unknown-strategy-policy';

/** The settings as a viewer sees them (an admin edits them). */
export function SettingsShow() {
  return (
    <Show title="Settings" actions={false}>
      <SimpleShowLayout>
        <FunctionField<Settings>
          label="Kill switch"
          render={(s) => (s.killSwitch ? 'ON: no new orders are placed' : 'off: orders are placed')}
        />
        <NumberField source="orderMaxAgeSeconds" label="Order max age (seconds)" />
        <NumberField source="duplicateWindowSeconds" label="Duplicate window (seconds)" />
        <NumberField source="priceBandPercent" label="Price band (%)" />
        <NumberField source="rejectedRetentionDays" label="Keep rejected alerts (days)" />
        <BooleanField source="ipAllowlistEnabled" label="IP allowlist on" />
        <FunctionField<Settings> label="IP allowlist" render={(s) => s.ipAllowlist.join(', ') || '—'} />
        <SelectField source="unknownStrategyPolicy" label="Alerts for an unknown strategy" choices={UNKNOWN_STRATEGY_CHOICES} />
        <NumberField source="globalMaxQuantity" label="Global max quantity per order" />
        <NumberField source="globalMaxNotional" label="Global max notional per order" />
        <TimestampField source="updatedAt" label="Changed" />
      </SimpleShowLayout>
    </Show>
  );
}
