import type { CurrentUser } from '@tradehook/contracts';
import type { DataSource } from 'typeorm';

/** Who changed what, when. Secrets and passwords never reach `details`. */
export class AuditLog {
  constructor(private readonly db: DataSource) {}

  async record(user: CurrentUser | null, action: string, resource: string, resourceId: string | number | null,
    details: Record<string, unknown> | null = null): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (user_id, username, action, resource, resource_id, details) VALUES ($1, $2, $3, $4, $5, $6)`,
      [user?.id ?? null, user?.username ?? null, action, resource, resourceId === null ? null : String(resourceId),
        details ? JSON.stringify(withoutSecrets(details)) : null],
    );
  }
}

const SECRET_KEYS = /secret|password|passphrase|secmgs/i;
function withoutSecrets(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : v]));
}
