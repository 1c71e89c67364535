import type { ReactNode } from 'react';
import { DeleteButton, EditButton, TopToolbar } from 'react-admin';

interface Props {
  /** Record actions of this resource (resend, rotate…), before edit and delete. */
  children?: ReactNode;
  editable?: boolean;
  deletable?: boolean;
}

/**
 * A show page's toolbar. Edit and delete hide themselves from who may not (authProvider.canAccess); delete asks
 * first and waits for the API (no undo window).
 */
export function RecordActions({ children, editable = true, deletable = true }: Props) {
  return (
    <TopToolbar>
      {children}
      {editable ? <EditButton /> : null}
      {deletable ? <DeleteButton mutationMode="pessimistic" /> : null}
    </TopToolbar>
  );
}
