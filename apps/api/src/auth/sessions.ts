import { createHash, randomBytes } from 'node:crypto';
import type { CurrentUser } from '@tradehook/contracts';
import type { DataSource } from 'typeorm';

export const SESSION_COOKIE = 'th_session';
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

  async resolve(token: string | undefined): Promise<CurrentUser | null> {
    if (!token) return null;
    const [row] = await this.db.query(
      `SELECT u.id, u.username, u.role FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [hashToken(token)],
    );
    return row ?? null;
  }

  async destroy(token: string | undefined): Promise<void> {
    if (token) await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
  }
}
