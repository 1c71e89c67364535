import { SimpleForm } from 'react-admin';
import { ResourceEdit } from '../../shared/ResourceForms';
import { UserInputs } from './inputs';

export function UserEdit() {
  return (
    <ResourceEdit redirect="list">
      <SimpleForm>
        <UserInputs passwordRequired={false} />
      </SimpleForm>
    </ResourceEdit>
  );
}
