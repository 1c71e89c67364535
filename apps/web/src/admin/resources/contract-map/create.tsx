import { SimpleForm } from 'react-admin';
import { ResourceCreate } from '../../shared/ResourceForms';
import { ContractMappingInputs } from './inputs';

export function ContractMappingCreate() {
  return (
    <ResourceCreate>
      <SimpleForm>
        <ContractMappingInputs />
      </SimpleForm>
    </ResourceCreate>
  );
}
