import { SimpleForm } from 'react-admin';
import { ResourceEdit } from '../../shared/ResourceForms';
import { ContractMappingInputs } from './inputs';

export function ContractMappingEdit() {
  return (
    <ResourceEdit>
      <SimpleForm>
        <ContractMappingInputs />
      </SimpleForm>
    </ResourceEdit>
  );
}
