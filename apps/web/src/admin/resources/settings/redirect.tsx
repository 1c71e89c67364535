import { Loading, useCanAccess, useCreatePath } from 'react-admin';
import { Navigate } from 'react-router-dom';

export const SETTINGS_ID = 1;

/** There is one settings record: the menu entry opens it, to edit for an admin, to read for a viewer. */
export function SettingsRedirect() {
  const { canAccess, isPending } = useCanAccess({ resource: 'settings', action: 'edit' });
  const createPath = useCreatePath();
  if (isPending) return <Loading />;
  return <Navigate to={createPath({ resource: 'settings', id: SETTINGS_ID, type: canAccess ? 'edit' : 'show' })} replace />;
}
