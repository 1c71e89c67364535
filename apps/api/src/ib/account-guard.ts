import type { IbConnection } from '@tradehook/contracts';

/** IB paper accounts start with D (DU… individual, DF… advisor, DI…): any other account trades real money. */
export const isPaperAccount = (account: string): boolean => account.startsWith('D');

/** IB's comma-separated managedAccounts, judged against IB_ALLOW_LIVE: why no order may go out, or null. */
export function liveAccountRefusal(accounts: string[], allowLive: boolean): string | null {
  if (!accounts.length) return 'IB named no account, so whether it trades real money is unknown: no orders are sent';
  const live = accounts.filter((a) => !isPaperAccount(a));
  if (!live.length || allowLive) return null;
  return `IB account ${live.join(', ')} is a live (real-money) account — paper accounts start with D — and IB_ALLOW_LIVE is not true: `
    + 'no orders are sent';
}

interface Connection {
  /** Both arrived and the accounts may trade: reconcile, then trade. */
  go(): void;
  refuse(reason: string): void;
}

/**
 * Live trading is recognised by the account IB reports, not by the port: every (re)connect waits for both
 * nextValidId and managedAccounts (TWS sends them in either order) before anything — reconcile included, which may
 * re-send orders — goes out, and a live account without IB_ALLOW_LIVE=true refuses the connection. The mode shown
 * follows the last accounts IB named.
 */
export class AccountGuard {
  private mode: IbConnection['mode'];
  private account: string | null = null;
  /** The current connection, what it has reported so far, and whether it was let go. */
  private connection: Connection | null = null;
  private accounts: string[] | null = null;
  private nextValidIdSeen = false;
  private started = false;

  constructor(private readonly allowLive: boolean, initialMode: IbConnection['mode']) {
    this.mode = initialMode;
  }

  /** A new connection: nothing is known about it yet. */
  begin(connection: Connection): void {
    this.connection = connection;
    this.accounts = null;
    this.nextValidIdSeen = false;
    this.started = false;
  }

  nextValidId(): void {
    this.nextValidIdSeen = true;
    this.settle();
  }

  /** managedAccounts: judged at once, also when IB names accounts again on a connection already trading. */
  named(list: string): void {
    this.accounts = list.split(',').map((a) => a.trim()).filter(Boolean);
    this.account = this.accounts[0] ?? null;
    if (this.mode !== 'simulator') this.mode = this.accounts.some((a) => !isPaperAccount(a)) ? 'live' : 'paper';
    this.settle();
  }

  /** What the connection status shows. */
  shown(): Pick<IbConnection, 'mode' | 'account'> {
    return { mode: this.mode, account: this.account };
  }

  private settle(): void {
    const connection = this.connection;
    if (!connection || !this.accounts) return;
    const refusal = liveAccountRefusal(this.accounts, this.allowLive);
    if (refusal) {
      this.connection = null;
      connection.refuse(refusal);
    } else if (this.nextValidIdSeen && !this.started) {
      this.started = true;
      connection.go();
    }
  }
}
