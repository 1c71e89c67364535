import { Create, Edit, SaveButton, Toolbar, type CreateProps, type EditProps } from 'react-admin';

/**
 * Edits are pessimistic: the change reaches the API before the page says it is saved (no undo window during
 * which an order could go out under the old rules), and an error is shown on the form it belongs to.
 */
export function ResourceEdit(props: EditProps) {
  return <Edit mutationMode="pessimistic" redirect="show" {...props} />;
}

export function ResourceCreate(props: CreateProps) {
  return <Create redirect="show" {...props} />;
}

/** For a record that cannot be deleted (the settings). */
export function SaveOnlyToolbar() {
  return (
    <Toolbar>
      <SaveButton />
    </Toolbar>
  );
}
