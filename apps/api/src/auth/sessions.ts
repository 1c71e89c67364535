import { createHash, randomBytes } from 'node:crypto';
import type { CurrentUser } from '@tradehook/contracts';
import type { DataSource } from 'typeorm';

const TTL_HOURS = 12;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Server-side sessions: the cookie holds a random token, the database only its hash. */
export class SessionStore {
  constructor(private readonly db: DataSource) {}

  async create(userId: number): Promise<{ token: string; maxAgeSeconds: number }> {
    const token = randomBytes(32).toString('base64url');
    await this.db.query(
      `INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`,
      [hashToken(token), userId, TTL_HOURS],
    );
    await this.db.query('DELETE FROM sessions WHERE expires_at < now()');
    return { token, maxAgeSeconds: TTL_HOURS * 3600 };
  }

  /** The user behind a session token, and the session's key (its hash) for tracking what it holds open. */
  async resolveSession(token: string | undefined): Promise<{ user: CurrentUser; key: string } | null> {
    if (!token) return null;
    const key = hashToken(token);
    const [row] = await this.db.query(
      `SELECT u.id, u.username, u.role FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [key],
    );
    return row ? { user: row, key } : null;
  }

  /** Of these session keys, the ones still valid (not signed out, expired, or revoked by a password change). */
  async stillValid(keys: string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows: Array<{ token_hash: string }> = await this.db.query(
      'SELECT token_hash FROM sessions WHERE token_hash = ANY($1) AND expires_at > now()', [keys]);
    return new Set(rows.map((r) => r.token_hash));
  }

  /** Signs a session out; answers its key so what it holds open can be closed too. */
  async destroy(token: string | undefined): Promise<string | null> {
    if (!token) return null;
    const key = hashToken(token);
    await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [key]);
    return key;
  }
}
