/** The texts TWS uses for the notices that arrive with id −1 (the client's `info` event). */
export const INFO_MESSAGES: Record<number, string> = {
  1100: 'Connectivity between IB and Trader Workstation has been lost.',
  1101: 'Connectivity between IB and Trader Workstation has been restored - data lost.',
  1102: 'Connectivity between IB and Trader Workstation has been restored - data maintained.',
  2104: 'Market data farm connection is OK:usfarm',
  2106: 'HMDS data farm connection is OK:ushmds',
  2110: 'Connectivity between Trader Workstation and server is broken. It will be restored automatically.',
  2158: 'Sec-def data farm connection is OK:secdefnj',
};

/** Farm-status notices a Gateway sends right after a client starts its API session. */
export const SESSION_START_INFO_CODES = [2104, 2106, 2158] as const;
