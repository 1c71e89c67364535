/**
 * Mirrors IB's own state — positions, account values, P&L, market prices of what is held — into the AccountStore,
 * over the session's paced connection. On every (re)connect it subscribes afresh (IB forgets subscriptions with the
 * socket): reqPositions, reqAccountSummary, then reqPnL per account and reqPnLSingle per position as they appear.
 * A position IB no longer lists in its first full answer is flat now; everything keeps the time IB reported it.
 */
import { type Contract, EventName } from '@stoqey/ib';
import type { Logger } from 'pino';
import { AccountStore, PNL_TAGS, type PositionContract } from './account-store';
import type { ContractSpec } from './ib-types';
import type { IbLink, QuoteLookup, SessionFeed } from './market-data';

/** Request ids of their own, below market data's and far above any order id (IB's errors carry only an id). */
const FIRST_REQ_ID = 1_800_000_000;
const LAST_REQ_ID = 1_899_999_999;
export const SUMMARY_TAGS = ['NetLiquidation', 'AvailableFunds', 'BuyingPower', 'TotalCashValue'];

export interface AccountMirrorOptions {
  /** How often the market prices of held contracts are read from the market data module. */
  priceRefreshMs: number;
}

/** A number IB sent as text, or null for IB's "unset" (undefined, Double.MAX_VALUE, NaN). */
function decimal(value: number | undefined | null): string | null {
  return value === undefined || value === null || !Number.isFinite(value) || Math.abs(value) >= 1e300 ? null : String(value);
}

/** The contract as IB described it in a position, for asking it for the market price (SMART-routed when it named no exchange). */
function quoteContract(p: PositionContract): ContractSpec {
  const exchange = p.exchange || (p.secType === 'STK' ? 'SMART' : '');
  return { ...p, exchange, primaryExchange: null };
}

export class AccountMirror implements SessionFeed {
  private link: IbLink | null = null;
  private nextReqId = FIRST_REQ_ID;
  private readonly pnlByReq = new Map<number, string>();
  private readonly pnlAccounts = new Set<string>();
  private readonly singleByReq = new Map<number, { account: string; conId: number }>();
  private readonly singleKeys = new Set<string>();
  private priceTimer: NodeJS.Timeout | null = null;
  private refreshing = false;

  constructor(
    private readonly store: AccountStore,
    private readonly quote: (contract: ContractSpec) => Promise<QuoteLookup>,
    private readonly log: Logger,
    private readonly options: AccountMirrorOptions = { priceRefreshMs: 1_000 },
  ) {}

  opened(link: IbLink): void {
    this.link = link;
    const { api } = link;
    let snapshot: Set<string> | null = new Set(); // keys listed until the first positionEnd
    const summaryReqId = this.reqId();
    api.on(EventName.position, (account: string, contract: Contract, pos: number, avgCost?: number) => {
      if (!contract.conId) return;
      snapshot?.add(AccountStore.keyOf(account, contract.conId));
      this.store.position(account, contract.conId, contractOf(contract), decimal(pos) ?? '0', decimal(avgCost) ?? '0');
      this.subscribePnlSingle(account, contract.conId);
    });
    api.on(EventName.positionEnd, () => {
      if (snapshot) this.store.flatExcept(snapshot);
      snapshot = null;
    });
    api.on(EventName.accountSummary, (reqId: number, account: string, tag: string, value: string, currency: string) => {
      if (reqId !== summaryReqId) return;
      this.store.value(account, tag, currency ?? '', value);
      this.subscribePnl(account);
    });
    api.on(EventName.pnl, (reqId: number, daily: number, unrealized?: number, realized?: number) => {
      const account = this.pnlByReq.get(reqId);
      if (!account) return;
      for (const [tag, figure] of [[PNL_TAGS.daily, daily], [PNL_TAGS.unrealized, unrealized], [PNL_TAGS.realized, realized]] as const) {
        const text = decimal(figure);
        if (text !== null) this.store.value(account, tag, '', text);
      }
    });
    api.on(EventName.pnlSingle, (reqId: number, _pos: number, daily: number, unrealized?: number, realized?: number, value?: number) => {
      const position = this.singleByReq.get(reqId);
      if (!position) return;
      this.store.update(position.account, position.conId, {
        dailyPnl: decimal(daily), unrealizedPnl: decimal(unrealized), realizedPnl: decimal(realized), marketValue: decimal(value),
      });
    });
    api.on(EventName.error, (error: Error, code: number, reqId: number) => {
      if (this.ownsRequest(reqId)) this.log.warn({ ib: { code, reqId } }, `IB refused an account request: ${error.message}`);
    });
    void link.send((a) => a.reqPositions());
    void link.send((a) => a.reqAccountSummary(summaryReqId, 'All', SUMMARY_TAGS.join(',')));
    this.priceTimer = setInterval(() => void this.refreshPrices(), this.options.priceRefreshMs);
    this.priceTimer.unref();
  }

  closed(): void {
    this.link = null;
    if (this.priceTimer) clearInterval(this.priceTimer);
    this.priceTimer = null;
    this.pnlByReq.clear();
    this.pnlAccounts.clear();
    this.singleByReq.clear();
    this.singleKeys.clear();
  }

  ownsRequest(reqId: number): boolean {
    return reqId >= FIRST_REQ_ID && reqId <= LAST_REQ_ID;
  }

  private reqId(): number {
    if (this.nextReqId > LAST_REQ_ID) this.nextReqId = FIRST_REQ_ID;
    return this.nextReqId++;
  }

  private subscribePnl(account: string): void {
    if (!this.link || this.pnlAccounts.has(account)) return;
    this.pnlAccounts.add(account);
    const reqId = this.reqId();
    this.pnlByReq.set(reqId, account);
    void this.link.send((api) => api.reqPnL(reqId, account, ''));
  }

  /** Closed-today positions too: their realized P&L is still IB's figure for the day. */
  private subscribePnlSingle(account: string, conId: number): void {
    const k = AccountStore.keyOf(account, conId);
    if (!this.link || this.singleKeys.has(k)) return;
    this.singleKeys.add(k);
    const reqId = this.reqId();
    this.singleByReq.set(reqId, { account, conId });
    void this.link.send((api) => api.reqPnLSingle(reqId, account, '', conId));
  }

  /**
   * Market prices of held contracts from the market data module (which keeps one streaming line per contract).
   * Until IB's PnL for the position arrives, its value and unrealized P&L follow from the price.
   */
  private async refreshPrices(): Promise<void> {
    if (this.refreshing) return; // a first tick can take longer than the interval
    this.refreshing = true;
    try {
      await this.refreshHeld();
    } finally {
      this.refreshing = false;
    }
  }

  private async refreshHeld(): Promise<void> {
    for (const p of this.store.held()) {
      const lookup = await this.quote(quoteContract(p)).catch(() => null);
      if (!lookup?.quote || !this.link) continue;
      const price = lookup.quote.price;
      const current = this.store.get(p.account, p.conId);
      if (!current || current.marketPrice === String(price)) continue;
      const marketValue = Number(current.quantity) * price * (Number(current.multiplier) || 1);
      const derived = current.dailyPnl === null
        ? { marketValue: decimal(marketValue), unrealizedPnl: decimal(marketValue - Number(current.quantity) * Number(current.avgCost)) }
        : {};
      this.store.update(p.account, p.conId, { marketPrice: String(price), ...derived });
    }
  }
}

function contractOf(c: Contract): PositionContract {
  return {
    symbol: c.symbol ?? '', localSymbol: c.localSymbol || null, secType: String(c.secType ?? ''), exchange: c.exchange || null,
    currency: c.currency ?? '', multiplier: c.multiplier ? String(c.multiplier) : null, lastTradeDate: c.lastTradeDateOrContractMonth || null,
  };
}
