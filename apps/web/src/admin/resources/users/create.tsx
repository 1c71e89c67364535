import { SimpleForm } from 'react-admin';
import { ResourceCreate } from '../../shared/ResourceForms';
import { UserInputs } from './inputs';

export function UserCreate() {
  return (
    <ResourceCreate redirect="list">
      <SimpleForm>
        <UserInputs passwordRequired />
      </SimpleForm>
    </ResourceCreate>
  );
}
