import { SettingsIcon } from '../../shared/icons';
import { SettingsEdit } from './edit';
import { SettingsRedirect } from './redirect';
import { SettingsShow } from './show';

/** The one settings record (id 1): kill switch, order age, duplicates, IP allowlist, unknown strategies. */
export const settings = {
  list: SettingsRedirect,
  edit: SettingsEdit,
  show: SettingsShow,
  options: { label: 'Settings' },
  icon: SettingsIcon,
  recordRepresentation: () => 'Settings',
};
