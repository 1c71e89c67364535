import type { Strategy } from '@tradehook/contracts';
import { BooleanField, FunctionField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DecimalField, TimestampField } from '../../shared/fields';
import { RecordActions } from '../../shared/RecordActions';
import { RotateSecretButton } from './RotateSecretButton';
import { tradingWindow } from './trading-window';

export function StrategyShow() {
  return (
    <Show
      actions={
        <RecordActions>
          <RotateSecretButton />
        </RecordActions>
      }
    >
      <SimpleShowLayout>
        <TextField source="name" />
        <BooleanField source="enabled" />
        <FunctionField<Strategy>
          label="Secret"
          render={(s) => (s.hasSecret ? 'Own secret set (shown only when created or rotated)' : 'Global webhook secret only')}
        />
        <DecimalField source="defaultQuantity" />
        <DecimalField source="maxQuantity" label="Max quantity per order" />
        <DecimalField source="maxNotional" label="Max notional per order" />
        <FunctionField<Strategy> label="Allowed symbols" render={(s) => s.allowedSymbols?.join(', ') || 'any'} />
        <FunctionField<Strategy> label="Trading window" render={tradingWindow} />
        <TextField source="defaultOrderType" label="Default order type" emptyText="As in the alert" />
        <FunctionField<Strategy>
          label="Position mode"
          render={(s) => (s.positionMode === 'target' ? 'Target: trades to the position each alert states' : 'Orders: trades what each alert says')}
        />
        <TimestampField source="createdAt" label="Created" />
        <TimestampField source="updatedAt" label="Changed" />
      </SimpleShowLayout>
    </Show>
  );
}
