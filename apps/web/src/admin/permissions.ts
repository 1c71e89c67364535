import type { Role } from '@tradehook/contracts';

/** What a viewer may do: look. Every other action (create, edit, delete, resend, cancel, rotate-secret…) is a write. */
const READ_ACTIONS = new Set(['list', 'show', 'export']);
/** Resources the API serves to admins only (a viewer's request answers 403). */
const ADMIN_ONLY_RESOURCES = new Set(['users']);

/** The console's access rule, mirroring the API's: writes need the admin role. */
export function roleCanAccess(role: Role | undefined, action: string, resource: string): boolean {
  if (role === 'admin') return true;
  if (role !== 'viewer' || ADMIN_ONLY_RESOURCES.has(resource)) return false;
  return READ_ACTIONS.has(action);
}
