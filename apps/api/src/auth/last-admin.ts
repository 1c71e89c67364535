import type { DataSource, EntityManager } from 'typeorm';

/** Refusing to leave Tradehook without anyone who may change it (answered 409 by the API, printed by the CLI). */
export class LastAdminError extends Error {
  readonly statusCode = 409;
  constructor(what: 'demote' | 'delete') {
    super(`Cannot ${what} the last admin: promote another user to admin first.`);
  }
}

interface AdminRow {
  id: number;
  username: string;
}

/**
 * Runs `change` — a demotion or deletion of the user `isTarget` picks out — in one transaction that first locks every
 * admin row (FOR UPDATE, in id order: no deadlock) and refuses if that user is the only admin left. Two admins
 * demoting each other at once serialise on those locks; the second re-reads the rows after the first commits
 * (READ COMMITTED re-checks `role = 'admin'` on a locked row), sees one admin left, and is refused.
 */
export async function keepingAnAdmin<T>(db: DataSource, what: 'demote' | 'delete', isTarget: (admin: AdminRow) => boolean,
  change: (tx: EntityManager) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const admins: AdminRow[] = await tx.query(`SELECT id, username FROM users WHERE role = 'admin' ORDER BY id FOR UPDATE`);
    if (admins.length <= 1 && admins.some(isTarget)) throw new LastAdminError(what);
    return change(tx);
  });
}
