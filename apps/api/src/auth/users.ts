import type { CurrentUser, Role } from '@tradehook/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { keepingAnAdmin } from './last-admin';
import { generatePassword, hashPassword, verifyPassword } from './passwords';

/** A dummy hash so an unknown username costs as much as a wrong password (no user enumeration by timing). */
let dummyHash: Promise<string> | null = null;

export class UserStore {
  constructor(private readonly db: DataSource) {}

  async verifyLogin(username: string, password: string): Promise<CurrentUser | null> {
    const [row] = await this.db.query('SELECT id, username, role, password_hash FROM users WHERE username = $1', [username]);
    if (!row) {
      dummyHash ??= hashPassword(generatePassword());
      await verifyPassword(await dummyHash, password);
      return null;
    }
    if (!(await verifyPassword(row.password_hash, password))) return null;
    await this.db.query('UPDATE users SET last_login_at = now() WHERE id = $1', [row.id]);
    return { id: row.id, username: row.username, role: row.role };
  }

  /** Creates the user, or resets the password (and role) of an existing one — never demoting the last admin. */
  async upsert(username: string, password: string, role: Role): Promise<CurrentUser> {
    const hash = await hashPassword(password);
    const write = async (db: DataSource | EntityManager): Promise<CurrentUser> => (await db.query(
      `INSERT INTO users (username, password_hash, role) VALUES ($1, $2, $3)
       ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, updated_at = now()
       RETURNING id, username, role`,
      [username, hash, role],
    ))[0];
    return role === 'admin' ? write(this.db) : keepingAnAdmin(this.db, 'demote', (admin) => admin.username === username, write);
  }

  /**
   * The first start creates an admin: from ADMIN_USER / ADMIN_PASSWORD, else with a generated password that the
   * caller prints once. Returns the generated credentials, or null when nothing was generated.
   */
  async ensureFirstAdmin(username: string | null, password: string | null): Promise<{ username: string; password: string } | null> {
    const [{ n }] = await this.db.query('SELECT count(*)::int AS n FROM users');
    if (n > 0) return null;
    const name = username ?? 'admin';
    const secret = password ?? generatePassword();
    await this.upsert(name, secret, 'admin');
    return password ? null : { username: name, password: secret };
  }
}
