import { ROLES } from '@tradehook/contracts';
import { maxLength, minLength, regex, required, SelectInput, TextInput } from 'react-admin';
import { choicesOf } from '../../shared/choices';

const ROLE_CHOICES = choicesOf(ROLES);

/**
 * The user form, shared by create and edit. A new user needs a password; on edit, a password resets it (and
 * signs that user out everywhere), empty keeps the current one.
 */
export function UserInputs({ passwordRequired }: { passwordRequired: boolean }) {
  return (
    <>
      <TextInput
        source="username"
        validate={[required(), maxLength(100), regex(/^[A-Za-z0-9_.@-]+$/, 'Letters, digits and _ . @ - only')]}
        autoComplete="off"
      />
      <SelectInput source="role" choices={ROLE_CHOICES} defaultValue="viewer" validate={required()} helperText="A viewer can look but not change anything" />
      <TextInput
        type="password"
        source="password"
        label={passwordRequired ? 'Password' : 'New password'}
        validate={passwordRequired ? [required(), minLength(10), maxLength(200)] : [minLength(10), maxLength(200)]}
        helperText={passwordRequired ? 'At least 10 characters' : 'Leave empty to keep the current password'}
        autoComplete="new-password"
      />
    </>
  );
}
