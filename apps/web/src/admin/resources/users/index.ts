import type { User } from '@tradehook/contracts';
import { UserIcon } from '../../shared/icons';
import { UserCreate } from './create';
import { UserEdit } from './edit';
import { UserList } from './list';

/** Who may sign in, and as what. Admins only (the API answers 403 to a viewer). */
export const users = {
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  icon: UserIcon,
  recordRepresentation: (user: User) => user.username,
};
