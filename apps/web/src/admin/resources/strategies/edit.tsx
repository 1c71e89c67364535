import { SimpleForm, TopToolbar } from 'react-admin';
import { ResourceEdit } from '../../shared/ResourceForms';
import { StrategyInputs } from './inputs';
import { RotateSecretButton } from './RotateSecretButton';

export function StrategyEdit() {
  return (
    <ResourceEdit
      actions={
        <TopToolbar>
          <RotateSecretButton />
        </TopToolbar>
      }
    >
      <SimpleForm>
        <StrategyInputs />
      </SimpleForm>
    </ResourceEdit>
  );
}
