import { RecordActionButton } from '../../shared/RecordActionButton';

/**
 * Replaces the strategy's secret with a new one. The data provider hands the answered secret to the one-time
 * dialog; the old secret stops working at once.
 */
export function RotateSecretButton() {
  return (
    <RecordActionButton
      action="rotate-secret"
      label="Rotate secret"
      appliesTo={() => true}
      confirmTitle="Generate a new secret?"
      confirmContent={(strategy) =>
        `The current secret of “${strategy.name}” stops working now: its TradingView alerts are rejected until ` +
        'they carry the new secret, which is shown once.'
      }
      run={(dataProvider, strategy) =>
        dataProvider.update('strategies', { id: strategy.id, data: { rotateSecret: true }, previousData: strategy })
      }
      done={() => ({ message: 'New secret generated.' })}
    />
  );
}
