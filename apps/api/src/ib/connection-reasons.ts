/** How the session reads IB's error codes, and what a trader should see about a failed connection. */

/** Error codes that mean the socket to TWS / Gateway is unusable. */
export const CONNECTION_ERRORS = new Set([502, 504, 326, 1300, 507]);
/** Informational codes: IB's own link (1100 lost, 1101/1102 restored) and farm notices. */
export const IB_LINK_LOST = new Set([1100, 2110]);
export const IB_LINK_RESTORED = new Set([1101, 1102]);

/** What a trader should read about a failed connection, instead of a socket error. */
export function plainReason(reason: string, host: string, port: number): string {
  if (/ECONNREFUSED/.test(reason)) return `TWS / IB Gateway at ${host}:${port} is not accepting connections (is it running, with the API enabled?)`;
  if (/326/.test(reason)) return `client id already in use at ${host}:${port}: another program is connected with IB_CLIENT_ID`;
  if (/closed by IB/.test(reason)) return `TWS / IB Gateway at ${host}:${port} closed the connection (a restart?)`;
  if (/no answer from IB for/.test(reason)) return `TWS / IB Gateway at ${host}:${port} stopped answering (hung?)`;
  if (/no answer/.test(reason)) return `TWS / IB Gateway at ${host}:${port} did not answer`;
  return reason;
}
