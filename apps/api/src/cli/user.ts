import { ROLES, type Role } from '@tradehook/contracts';
import { generatePassword } from '../auth/passwords';
import { UserStore } from '../auth/users';
import { loadConfig } from '../config';
import { openConfiguredDatabase } from '../db/configured-database';
import { createLogger } from '../logging';

/**
 * Creates a user or resets a password:  pnpm --filter @tradehook/api user <username> [--role admin|viewer]
 * The password comes from TRADEHOOK_NEW_PASSWORD, else one is generated and printed once.
 */
async function main(): Promise<void> {
  const [username, ...rest] = process.argv.slice(2);
  const roleFlag = rest.indexOf('--role');
  const role = (roleFlag >= 0 ? rest[roleFlag + 1] : 'admin') as Role;
  if (!username || !ROLES.includes(role)) {
    process.stderr.write('usage: pnpm --filter @tradehook/api user <username> [--role admin|viewer]\n');
    process.exit(2);
  }
  const password = process.env.TRADEHOOK_NEW_PASSWORD ?? generatePassword();
  if (password.length < 10) throw new Error('TRADEHOOK_NEW_PASSWORD must be at least 10 characters');
  const config = loadConfig();
  const { db, embedded } = await openConfiguredDatabase(config, createLogger('warn'));
  try {
    await new UserStore(db).upsert(username, password, role);
    await db.query('DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = $1)', [username]);
    process.stdout.write(`User "${username}" (${role}) is ready.${process.env.TRADEHOOK_NEW_PASSWORD ? '' : ` Password: ${password}`}\n`);
  } finally {
    await db.destroy();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
