import { SimpleForm } from 'react-admin';
import { ResourceCreate } from '../../shared/ResourceForms';
import { StrategyInputs } from './inputs';

/** Creating a strategy generates its secret, shown once in a dialog. */
export function StrategyCreate() {
  return (
    <ResourceCreate>
      <SimpleForm>
        <StrategyInputs />
      </SimpleForm>
    </ResourceCreate>
  );
}
