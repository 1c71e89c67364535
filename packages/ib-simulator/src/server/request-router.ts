/** Answers the requests of a started session: one small handler per message id, the rest ignored. */
import type { ContractCatalog } from '../engine/contract-catalog';
import { matchesFilter } from '../engine/execution-filter';
import type { OrderEngine } from '../engine/order-engine';
import * as requests from '../wire/client-requests';
import * as account from '../wire/account-messages';
import { contractData, contractDataEnd, parseReqContractData } from '../wire/contract-messages';
import { parseCancelMktData, parseReqMarketDataType, parseReqMktData } from '../wire/market-data-messages';
import { Incoming } from '../wire/message-ids';
import { completedOrder, openOrder } from '../wire/order-messages';
import * as messages from '../wire/server-messages';
import type { AccountService } from './account-service';
import type { MarketDataService } from './market-data-service';
import type { Session } from './session';

/** Client message ids answered beyond the ones named in Incoming. */
const REQ_ALL_OPEN_ORDERS = 16;
const REQ_MANAGED_ACCTS = 17;

export class RequestRouter {
  constructor(
    private readonly engine: OrderEngine,
    private readonly marketData: MarketDataService,
    private readonly accounts: readonly string[],
    private readonly accountService: AccountService,
    /** Sees every client id's executions (TWS's master API client). */
    private readonly masterClientId: number,
    private readonly catalog: ContractCatalog,
  ) {}

  route(session: Session, fields: string[], receivedAt: number): void {
    const clientId = session.clientId ?? 0;
    switch (requests.messageId(fields)) {
      case Incoming.PLACE_ORDER:
        return this.engine.place(clientId, requests.parsePlaceOrder(fields, session.serverVersion), receivedAt);
      case Incoming.CANCEL_ORDER:
        return this.engine.cancel(clientId, requests.parseCancelOrder(fields, session.serverVersion).orderId);
      case Incoming.REQ_IDS:
        requests.parseReqIds(fields);
        return session.send(messages.nextValidId(this.engine.nextValidId(clientId)));
      case Incoming.REQ_CURRENT_TIME:
        return session.send(messages.currentTime(Date.now()));
      case Incoming.REQ_OPEN_ORDERS:
        return this.sendOpenOrders(session, (orderClientId) => orderClientId === clientId);
      case REQ_ALL_OPEN_ORDERS:
        return this.sendOpenOrders(session, () => true);
      case REQ_MANAGED_ACCTS:
        return session.send(messages.managedAccounts(this.accounts));
      case Incoming.REQ_POSITIONS:
        return this.accountService.reqPositions(session);
      case Incoming.CANCEL_POSITIONS:
        return this.accountService.cancelPositions(session);
      case Incoming.REQ_ACCOUNT_SUMMARY:
        return this.accountService.reqAccountSummary(session, account.parseReqAccountSummary(fields));
      case Incoming.CANCEL_ACCOUNT_SUMMARY:
        return this.accountService.cancel(session, 'summaries', account.parseCancelId(fields, true));
      case Incoming.REQ_ACCT_DATA:
        return this.accountService.reqAccountUpdates(session, account.parseReqAcctData(fields));
      case Incoming.REQ_ACCOUNT_UPDATES_MULTI:
        return this.accountService.reqAccountUpdatesMulti(session, account.parseReqAccountUpdatesMulti(fields));
      case Incoming.CANCEL_ACCOUNT_UPDATES_MULTI:
        return this.accountService.cancel(session, 'multi', account.parseCancelId(fields, true));
      case Incoming.REQ_PNL:
        return this.accountService.reqPnl(session, account.parseReqPnl(fields));
      case Incoming.CANCEL_PNL:
        return this.accountService.cancel(session, 'pnl', account.parseCancelId(fields, false));
      case Incoming.REQ_PNL_SINGLE:
        return this.accountService.reqPnlSingle(session, account.parseReqPnlSingle(fields));
      case Incoming.CANCEL_PNL_SINGLE:
        return this.accountService.cancel(session, 'pnlSingle', account.parseCancelId(fields, false));
      case Incoming.REQ_EXECUTIONS:
        return this.sendExecutions(session, requests.parseReqExecutions(fields));
      case Incoming.REQ_COMPLETED_ORDERS:
        requests.parseReqCompletedOrders(fields);
        return this.sendCompletedOrders(session);
      case Incoming.REQ_CONTRACT_DATA:
        return this.sendContractDetails(session, parseReqContractData(fields));
      case Incoming.REQ_MKT_DATA:
        return this.marketData.request(session, parseReqMktData(fields));
      case Incoming.CANCEL_MKT_DATA:
        return this.marketData.cancel(session, parseCancelMktData(fields).tickerId);
      case Incoming.REQ_MARKET_DATA_TYPE:
        return this.marketData.setType(session, parseReqMarketDataType(fields).type);
      default:
        return; // TWS would answer account data & co.; the simulator has nothing to say
    }
  }

  /** CONTRACT_DATA per match then CONTRACT_DATA_END, or error 200 alone (no END), as TWS answers. */
  private sendContractDetails(session: Session, request: ReturnType<typeof parseReqContractData>): void {
    const found = this.catalog.lookUp(request);
    if (typeof found === 'string') return session.send(messages.errorMessage(session.serverVersion, request.reqId, 200, found));
    for (const details of found) session.send(contractData(session.serverVersion, request.reqId, details));
    session.send(contractDataEnd(request.reqId));
  }

  private sendOpenOrders(session: Session, includeClient: (clientId: number) => boolean): void {
    for (const { order } of this.engine.book.working()) {
      if (!includeClient(order.clientId)) continue;
      session.send(openOrder(session.serverVersion, order));
      session.send(messages.orderStatus(order, 0));
    }
    session.send(messages.openOrderEnd());
  }

  /** Today's executions of the requesting client id (of every client id for the master client), each with its commission report. */
  private sendExecutions(session: Session, filter: requests.ExecutionFilter): void {
    const seesAll = session.clientId === this.masterClientId;
    for (const execution of this.engine.ledger.all()) {
      if ((!seesAll && execution.clientId !== session.clientId) || !matchesFilter(execution, filter)) continue;
      const order = this.engine.book.byPermId(execution.permId)?.order;
      if (!order) continue;
      session.send(messages.executionData(session.serverVersion, filter.reqId, execution, order));
      session.send(messages.commissionReport(execution));
    }
    session.send(messages.executionDataEnd(filter.reqId));
  }

  /** Filled and cancelled orders of every client id, as TWS reports the account's day. */
  private sendCompletedOrders(session: Session): void {
    for (const record of this.engine.book.completed()) {
      const parentPermId = this.engine.book.parentOf(record)?.order.permId ?? 0;
      const completedAtMs = record.completedAtMs ?? Date.now();
      session.send(completedOrder(session.serverVersion, record.order, { completedAtMs, parentPermId }));
    }
    session.send(messages.completedOrdersEnd());
  }
}
