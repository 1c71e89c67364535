/**
 * The session cookie's name and flags. Served over HTTPS (PUBLIC_URL https) it is `Secure` and `__Host-` prefixed:
 * the browser then refuses it from plain HTTP and from any other host or path, so a sibling subdomain cannot plant
 * or overwrite it.
 */
export interface SessionCookie {
  name: string;
  options: { path: '/'; httpOnly: true; sameSite: 'strict'; secure: boolean };
}

export function sessionCookie(publicUrl: string | null): SessionCookie {
  const secure = publicUrl?.startsWith('https://') ?? false;
  return {
    name: secure ? '__Host-th_session' : 'th_session',
    options: { path: '/', httpOnly: true, sameSite: 'strict', secure },
  };
}
