export const LOGIN_PATH = '/login';

/**
 * Where to go after signing in: only a path of this app (never another origin, which `//host` or `/\host`
 * would be), and never the login page itself.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === LOGIN_PATH || next.startsWith(`${LOGIN_PATH}?`)) return '/';
  return next;
}

/** The login page's URL, remembering where to return (e.g. /login?next=%2Ftrades%3Fpage%3D2). */
export function loginPathReturningTo(path: string): string {
  const next = safeNextPath(path);
  return next === '/' ? LOGIN_PATH : `${LOGIN_PATH}?${new URLSearchParams({ next })}`;
}
