import type { AuditEntry } from '@tradehook/contracts';
import { AuditLogIcon } from '../../shared/icons';
import { AuditLogList } from './list';
import { AuditLogShow } from './show';

/** Who changed what, newest first. Read-only. */
export const auditLog = {
  list: AuditLogList,
  show: AuditLogShow,
  options: { label: 'Audit log' },
  icon: AuditLogIcon,
  recordRepresentation: (entry: AuditEntry) => `${entry.action} ${entry.resource} ${entry.resourceId ?? ''}`.trim(),
};
