/**
 * Positions, account values and P&L as TWS serves them per connection: each request answers at once with the
 * current figures (and its end marker), and every subscription then hears changes — a fill pushes the changed
 * position to reqPositions subscribers at once; values and P&L follow, at most once per updateIntervalMs, and only
 * what changed. Subscriptions end with their connection; a frozen Gateway pushes nothing until it thaws.
 */
import type { AccountBook, AccountSnapshot } from '../engine/account-book';
import type { Field } from '../wire/format';
import * as wire from '../wire/account-messages';
import { position as positionMessage, positionEnd } from '../wire/server-messages';
import { accountUpdateValues, summaryValues } from './account-tags';
import type { Session } from './session';

interface SessionAccounts {
  positions: boolean;
  summaries: Map<number, { group: string; tags: string[] }>;
  /** REQ_ACCT_DATA: one account at a time per connection. */
  updates: string | null;
  multi: Map<number, { account: string; modelCode: string; ledgerAndNlv: boolean }>;
  pnl: Map<number, string>;
  pnlSingle: Map<number, { account: string; conId: number }>;
  /** The last frame sent per subscription item: only changes are pushed. */
  sent: Map<string, string>;
}

export interface AccountServiceOptions {
  updateIntervalMs: number;
  paused(): boolean;
}

export class AccountService {
  private readonly sessions = new Map<Session, SessionAccounts>();
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(private readonly book: AccountBook, private readonly options: AccountServiceOptions) {}

  reqPositions(session: Session): void {
    this.stateOf(session).positions = true;
    for (const position of this.book.positions()) session.send(positionMessage(position));
    session.send(positionEnd());
  }

  cancelPositions(session: Session): void {
    this.stateOf(session).positions = false;
  }

  reqAccountSummary(session: Session, request: { reqId: number; group: string; tags: string[] }): void {
    const { reqId, group, tags } = request;
    this.stateOf(session).summaries.set(reqId, { group, tags });
    this.pushSummary(session, reqId, group, tags, this.snapshots());
    session.send(wire.accountSummaryEnd(reqId));
  }

  reqAccountUpdates(session: Session, request: { subscribe: boolean; account: string }): void {
    const state = this.stateOf(session);
    if (!request.subscribe) {
      state.updates = null;
      return;
    }
    const account = request.account || this.book.accounts()[0];
    state.updates = account;
    this.pushAccountUpdates(session, account, this.snapshots());
    session.send(wire.accountDownloadEnd(account));
  }

  reqAccountUpdatesMulti(session: Session, request: { reqId: number; account: string; modelCode: string; ledgerAndNlv: boolean }): void {
    this.stateOf(session).multi.set(request.reqId, request);
    this.pushMulti(session, request.reqId, request, this.snapshots());
    session.send(wire.accountUpdateMultiEnd(request.reqId));
  }

  reqPnl(session: Session, request: { reqId: number; account: string }): void {
    this.stateOf(session).pnl.set(request.reqId, request.account);
    this.pushPnl(session, request.reqId, request.account, this.snapshots());
  }

  reqPnlSingle(session: Session, request: { reqId: number; account: string; conId: number }): void {
    this.stateOf(session).pnlSingle.set(request.reqId, request);
    this.pushPnlSingle(session, request.reqId, request, this.snapshots());
  }

  /** CANCEL_ACCOUNT_SUMMARY, CANCEL_ACCOUNT_UPDATES_MULTI, CANCEL_PNL, CANCEL_PNL_SINGLE: the request id ends. */
  cancel(session: Session, kind: 'summaries' | 'multi' | 'pnl' | 'pnlSingle', reqId: number): void {
    const state = this.stateOf(session);
    state[kind].delete(reqId);
    for (const key of state.sent.keys()) if (key.startsWith(`${kind}:${reqId}:`)) state.sent.delete(key);
  }

  /** A fill changed a position: its reqPositions subscribers hear it now, the values at the next refresh. */
  filled(account: string, conId: number): void {
    const subscribers = [...this.sessions].filter(([, state]) => state.positions).map(([session]) => session);
    // Positions are derived from every execution: only when someone listens (a burst of fills stays cheap).
    const changed = subscribers.length ? this.book.positions().find((p) => p.account === account && p.order.conId === conId) : undefined;
    if (changed && !this.options.paused()) for (const session of subscribers) session.send(positionMessage(changed));
    this.scheduleRefresh();
  }

  pricesChanged(): void {
    this.scheduleRefresh();
  }

  /** After a freeze: whatever changed meanwhile goes out now. */
  resumed(): void {
    this.scheduleRefresh();
  }

  forget(session: Session): void {
    this.sessions.delete(session);
  }

  stop(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer || this.sessions.size === 0) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      if (this.options.paused()) return; // resumed() schedules the catch-up
      this.refresh();
    }, this.options.updateIntervalMs);
    this.refreshTimer.unref();
  }

  private refresh(): void {
    const snapshots = this.snapshots();
    for (const [session, state] of this.sessions) {
      for (const [reqId, { group, tags }] of state.summaries) this.pushSummary(session, reqId, group, tags, snapshots);
      if (state.updates) this.pushAccountUpdates(session, state.updates, snapshots);
      for (const [reqId, request] of state.multi) this.pushMulti(session, reqId, request, snapshots);
      for (const [reqId, account] of state.pnl) this.pushPnl(session, reqId, account, snapshots);
      for (const [reqId, request] of state.pnlSingle) this.pushPnlSingle(session, reqId, request, snapshots);
    }
  }

  private snapshots(): Map<string, AccountSnapshot> {
    return new Map(this.book.accounts().map((account) => [account, this.book.snapshot(account)]));
  }

  /** Sends `fields` unless this subscription item last sent exactly that; true when sent. */
  private sendChanged(session: Session, key: string, fields: Field[]): boolean {
    const state = this.stateOf(session);
    const frame = fields.join('\0');
    if (state.sent.get(key) === frame) return false;
    state.sent.set(key, frame);
    session.send(fields);
    return true;
  }

  /** Group "All" covers every account; an advisor group the simulator does not have covers none. */
  private pushSummary(session: Session, reqId: number, group: string, tags: string[], snapshots: Map<string, AccountSnapshot>): void {
    if (group.toLowerCase() !== 'all') return;
    for (const snapshot of snapshots.values()) {
      for (const { key, value, currency } of summaryValues(snapshot, tags)) {
        const fields = wire.accountSummary(reqId, snapshot.account, key, value, currency);
        this.sendChanged(session, `summaries:${reqId}:${snapshot.account}:${key}:${currency}`, fields);
      }
    }
  }

  private pushAccountUpdates(session: Session, account: string, snapshots: Map<string, AccountSnapshot>): void {
    const snapshot = snapshots.get(account);
    if (!snapshot) return;
    let changed = false;
    for (const { key, value, currency } of accountUpdateValues(snapshot)) {
      changed = this.sendChanged(session, `updates:${account}:${key}:${currency}`, wire.accountValue(key, value, currency, account)) || changed;
    }
    for (const position of snapshot.positions) {
      changed = this.sendChanged(session, `updates:${account}:portfolio:${position.order.conId}`, wire.portfolioValue(position)) || changed;
    }
    if (changed) session.send(wire.accountUpdateTime(Date.now()));
  }

  private pushMulti(session: Session, reqId: number, request: { account: string; modelCode: string; ledgerAndNlv: boolean },
    snapshots: Map<string, AccountSnapshot>): void {
    const accounts = request.account && request.account.toLowerCase() !== 'all' ? [request.account] : [...snapshots.keys()];
    for (const account of accounts) {
      const snapshot = snapshots.get(account);
      if (!snapshot) continue;
      for (const { key, value, currency } of accountUpdateValues(snapshot, request.ledgerAndNlv)) {
        const fields = wire.accountUpdateMulti(reqId, account, request.modelCode, key, value, currency);
        this.sendChanged(session, `multi:${reqId}:${account}:${key}:${currency}`, fields);
      }
    }
  }

  private pushPnl(session: Session, reqId: number, account: string, snapshots: Map<string, AccountSnapshot>): void {
    const snapshot = snapshots.get(account);
    if (snapshot) this.sendChanged(session, `pnl:${reqId}:`, wire.pnl(reqId, snapshot));
  }

  /** A contract the account does not hold is reported flat with no P&L, as TWS does. */
  private pushPnlSingle(session: Session, reqId: number, request: { account: string; conId: number }, snapshots: Map<string, AccountSnapshot>): void {
    const position = snapshots.get(request.account)?.positions.find((p) => p.order.conId === request.conId);
    const figures = position
      ? { dailyPnl: Math.round((position.unrealizedPnl + position.realizedPnl) * 100) / 100, unrealizedPnl: position.unrealizedPnl, realizedPnl: position.realizedPnl }
      : { dailyPnl: 0, unrealizedPnl: 0, realizedPnl: 0 };
    const fields = wire.pnlSingle(reqId, position?.quantity ?? 0, figures, position?.marketValue ?? 0);
    this.sendChanged(session, `pnlSingle:${reqId}:`, fields);
  }

  private stateOf(session: Session): SessionAccounts {
    let state = this.sessions.get(session);
    if (!state) {
      state = { positions: false, summaries: new Map(), updates: null, multi: new Map(), pnl: new Map(), pnlSingle: new Map(), sent: new Map() };
      this.sessions.set(session, state);
    }
    return state;
  }
}
