/** Answers the requests of a started session: one small handler per message id, the rest ignored. */
import { matchesFilter } from '../engine/execution-filter';
import type { OrderEngine } from '../engine/order-engine';
import { derivePositions } from '../engine/positions';
import * as requests from '../wire/client-requests';
import { parseCancelMktData, parseReqMarketDataType, parseReqMktData } from '../wire/market-data-messages';
import { Incoming } from '../wire/message-ids';
import { completedOrder, openOrder } from '../wire/order-messages';
import * as messages from '../wire/server-messages';
import type { MarketDataService } from './market-data-service';
import type { Session } from './session';

/** Client message ids answered beyond the ones named in Incoming. */
const REQ_ALL_OPEN_ORDERS = 16;
const REQ_MANAGED_ACCTS = 17;

export class RequestRouter {
  constructor(
    private readonly engine: OrderEngine,
    private readonly marketData: MarketDataService,
    private readonly account: string,
  ) {}

  route(session: Session, fields: string[], receivedAt: number): void {
    const clientId = session.clientId ?? 0;
    switch (requests.messageId(fields)) {
      case Incoming.PLACE_ORDER:
        return this.engine.place(clientId, requests.parsePlaceOrder(fields), receivedAt);
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
        return session.send(messages.managedAccounts([this.account]));
      case Incoming.REQ_POSITIONS:
        return this.sendPositions(session);
      case Incoming.REQ_EXECUTIONS:
        return this.sendExecutions(session, requests.parseReqExecutions(fields));
      case Incoming.REQ_COMPLETED_ORDERS:
        requests.parseReqCompletedOrders(fields);
        return this.sendCompletedOrders(session);
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

  private sendOpenOrders(session: Session, includeClient: (clientId: number) => boolean): void {
    for (const { order } of this.engine.book.working()) {
      if (!includeClient(order.clientId)) continue;
      session.send(openOrder(session.serverVersion, order));
      session.send(messages.orderStatus(order, 0));
    }
    session.send(messages.openOrderEnd());
  }

  private sendPositions(session: Session): void {
    const orderOf = (permId: number) => this.engine.book.byPermId(permId)?.order;
    for (const position of derivePositions(this.engine.ledger.all(), (e) => orderOf(e.permId))) {
      session.send(messages.position(position));
    }
    session.send(messages.positionEnd());
  }

  /** Today's executions of the requesting client id, each followed by its commission report. */
  private sendExecutions(session: Session, filter: requests.ExecutionFilter): void {
    for (const execution of this.engine.ledger.all()) {
      if (execution.clientId !== session.clientId || !matchesFilter(execution, filter)) continue;
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
