import type { CurrentUser } from '@tradehook/contracts';

/** An alert row as read with ALERT_SELECT: its raw body and the flags about it. */
interface WithRawBody {
  rawBody: string | null;
  rawBodyHidden: boolean;
}

/**
 * Raw bodies are shown to admins only: even redacted, a body holds more than the columns (other fields, a secret
 * typed in a form redaction cannot recognise). Anyone else gets null and `rawBodyHidden`, so the page can say why.
 */
export function rawBodyFor<T extends WithRawBody>(alert: T, user: Pick<CurrentUser, 'role'> | null): T {
  return user?.role === 'admin' ? alert : { ...alert, rawBody: null, rawBodyHidden: true };
}
