/**
 * The order lifecycle as TWS runs it: accept or reject, hold (transmit=0, bracket children), submit, trigger
 * stops, fill in partial executions, cancel, and cancel OCA siblings. Knows nothing about sockets: everything
 * the clients should hear goes through the OrderObserver.
 */
import type { SimExecution, SimOrder } from '../types';
import type { PlaceOrderRequest } from '../wire/client-requests';
import type { ExecutionLedger } from './execution-ledger';
import { conIdFor, type IdSource } from './ids';
import { instrumentKey, type Instruments } from './instruments';
import { isWorking, OrderBook, type OrderRecord } from './order-book';
import { executablePrice, hasStop, nextAverage, rejectionReason, splitQuantity, stopTriggered } from './order-rules';
import type { PriceBook } from './price-book';

export interface OrderObserver {
  placed(order: SimOrder): void;
  openOrder(order: SimOrder): void;
  orderStatus(order: SimOrder, lastFillPrice: number): void;
  /** EXECUTION_DATA (reqId −1) + COMMISSION_REPORT for the owner. */
  executed(execution: SimExecution, order: SimOrder): void;
  cancelled(order: SimOrder): void;
  /** ERR_MSG addressed to an order id (103, 200, 201, 202, 10147, 10148). */
  orderMessage(clientId: number, orderId: number, code: number, message: string): void;
}

/** Live-adjustable behaviour; the simulator's setters write into this object. */
export interface EngineSettings {
  account: string;
  firstOrderId: number;
  partialFills: number;
  fillDelayMs: number;
  instruments: Instruments;
}

export class OrderEngine {
  readonly book = new OrderBook();
  /** Highest order id each client id has used: survives reconnects and restarts, like TWS's. */
  private readonly highestOrderId = new Map<number, number>();

  constructor(
    private readonly settings: EngineSettings,
    private readonly prices: PriceBook,
    private readonly ids: IdSource,
    readonly ledger: ExecutionLedger,
    private readonly observer: OrderObserver,
  ) {}

  nextValidId(clientId: number): number {
    return Math.max(this.settings.firstOrderId, (this.highestOrderId.get(clientId) ?? 0) + 1);
  }

  place(clientId: number, request: PlaceOrderRequest, receivedAt: number): void {
    if (request.orderId <= Math.max(0, this.highestOrderId.get(clientId) ?? 0)) {
      this.observer.orderMessage(clientId, request.orderId, 103, 'Duplicate order id');
      return;
    }
    this.highestOrderId.set(clientId, request.orderId);
    const record: OrderRecord = { order: this.newOrder(clientId, request, receivedAt), transmitted: false, stopTriggered: false };
    const { order } = record;
    const rejection = this.rejection(record, request);
    if (rejection) {
      order.status = 'Inactive';
      this.book.add(record);
      this.observer.placed(order);
      this.observer.orderMessage(clientId, order.orderId, rejection.code, rejection.message);
      return;
    }
    order.permId = this.ids.permId();
    this.prices.track(instrumentKey(order));
    this.book.add(record);
    this.observer.placed(order);
    this.observer.openOrder(order);
    this.observer.orderStatus(order, 0);
    if (order.transmit) this.transmitGroup(record);
  }

  cancel(clientId: number, orderId: number): void {
    const record = this.book.find(clientId, orderId);
    if (!record) {
      this.observer.orderMessage(clientId, orderId, 10147, `OrderId ${orderId} that needs to be cancelled is not found.`);
    } else if (!isWorking(record.order)) {
      const message = `OrderId ${orderId} that needs to be cancelled cannot be cancelled, state: ${record.order.status}.`;
      this.observer.orderMessage(clientId, orderId, 10148, message);
    } else {
      this.cancelRecord(record);
    }
  }

  /** Re-checks resting orders of the symbols whose price moved. */
  onPricesChanged(symbols: readonly string[]): void {
    const moved = new Set(symbols);
    for (const record of this.book.working()) {
      if (moved.has(instrumentKey(record.order))) this.evaluate(record);
    }
  }

  correctExecution(execId: string, newPrice?: number): SimExecution {
    const corrected = this.ledger.correct(execId, newPrice);
    const record = this.book.byPermId(corrected.permId);
    if (!record) throw new Error(`no order for execution ${execId}`);
    record.order.avgFillPrice = this.ledger.averagePriceOf(corrected.permId);
    this.observer.executed(corrected, record.order);
    return corrected;
  }

  /** Stops pending delayed fills (simulator shutdown). */
  shutdown(): void {
    for (const record of this.book.all()) this.clearFillTimer(record);
  }

  private newOrder(clientId: number, request: PlaceOrderRequest, receivedAt: number): SimOrder {
    const quantity = request.totalQuantity ?? 0;
    return {
      orderId: request.orderId,
      clientId,
      permId: 0,
      conId: request.conId || conIdFor(request.symbol),
      symbol: request.symbol,
      secType: request.secType || 'STK',
      exchange: request.exchange || 'SMART',
      primaryExchange: request.primaryExchange,
      currency: request.currency || 'USD',
      localSymbol: request.localSymbol || request.symbol,
      action: request.action === 'SELL' ? 'SELL' : 'BUY',
      totalQuantity: quantity,
      orderType: request.orderType,
      lmtPrice: request.lmtPrice,
      auxPrice: request.auxPrice,
      tif: request.tif || 'DAY',
      ocaGroup: request.ocaGroup,
      orderRef: request.orderRef,
      account: request.account || this.settings.account,
      parentId: request.parentId,
      transmit: request.transmit,
      status: 'PreSubmitted',
      filled: 0,
      remaining: quantity,
      avgFillPrice: 0,
      receivedAt,
    };
  }

  private rejection(record: OrderRecord, request: PlaceOrderRequest): { code: number; message: string } | undefined {
    const { order } = record;
    const undefinedContract = this.settings.instruments.definitionProblem({ ...request, secType: order.secType, currency: order.currency });
    if (undefinedContract) return { code: 200, message: undefinedContract };
    const reason = rejectionReason(request);
    if (reason) return { code: 201, message: `Order rejected - reason:${reason}` };
    if (order.parentId !== 0 && !this.book.parentOf(record)) {
      return { code: 201, message: `Order rejected - reason:Parent order ${order.parentId} not found` };
    }
    return undefined;
  }

  /** A transmit=1 order sends its whole group: the held parent first, then every held child. */
  private transmitGroup(record: OrderRecord): void {
    const parent = this.book.parentOf(record) ?? record;
    const group = [parent, ...this.book.childrenOf(parent)].filter((r) => !r.transmitted && isWorking(r.order));
    for (const member of group) member.transmitted = true;
    for (const member of group) this.release(member);
  }

  /** A transmitted order goes live unless it is a child whose parent has not filled yet. */
  private release(record: OrderRecord): void {
    if (record.order.status !== 'PreSubmitted') return;
    const parent = this.book.parentOf(record);
    if (parent?.order.status === 'Cancelled' || parent?.order.status === 'Inactive') this.cancelRecord(record);
    else if (!parent || parent.order.status === 'Filled') this.submit(record);
  }

  private submit(record: OrderRecord): void {
    record.order.status = 'Submitted';
    this.observer.orderStatus(record.order, 0);
    this.evaluate(record);
  }

  /** Fills the order now (or after fillDelayMs) if it is marketable at the current price. */
  private evaluate(record: OrderRecord): void {
    const { order } = record;
    if (order.status !== 'Submitted' || record.fillTimer) return;
    const price = this.prices.get(instrumentKey(order));
    if (hasStop(order) && !record.stopTriggered) {
      if (!stopTriggered(order, price)) return;
      record.stopTriggered = true;
    }
    if (executablePrice(order, price) === undefined) return;
    if (this.settings.fillDelayMs <= 0) {
      this.fill(record);
      return;
    }
    record.fillTimer = setTimeout(() => {
      record.fillTimer = undefined;
      this.fill(record);
    }, this.settings.fillDelayMs);
  }

  /** Executes the remaining quantity in partialFills executions at one price; stays resting if no longer marketable. */
  private fill(record: OrderRecord): void {
    const { order } = record;
    const price = order.status === 'Submitted' ? executablePrice(order, this.prices.get(instrumentKey(order))) : undefined;
    if (price === undefined) return;
    const nowMs = Date.now();
    const parts = splitQuantity(order.remaining, this.settings.partialFills);
    parts.forEach((shares, index) => {
      order.avgFillPrice = nextAverage(order.filled, order.avgFillPrice, shares, price);
      order.filled += shares;
      order.remaining = order.totalQuantity - order.filled;
      if (index === parts.length - 1) {
        order.status = 'Filled';
        record.completedAtMs = nowMs;
      }
      this.observer.executed(this.ledger.record(order, shares, price, nowMs), order);
      this.observer.orderStatus(order, price);
    });
    this.observer.openOrder(order);
    this.afterFill(record);
  }

  private afterFill(record: OrderRecord): void {
    for (const sibling of this.book.ocaSiblingsOf(record)) {
      if (isWorking(sibling.order)) this.cancelRecord(sibling);
    }
    for (const child of this.book.childrenOf(record)) {
      if (child.transmitted) this.release(child);
    }
  }

  private cancelRecord(record: OrderRecord): void {
    const { order } = record;
    this.clearFillTimer(record);
    order.status = 'Cancelled';
    record.completedAtMs = Date.now();
    this.observer.orderStatus(order, 0);
    this.observer.orderMessage(order.clientId, order.orderId, 202, 'Order Canceled - reason:');
    this.observer.cancelled(order);
    // A cancelled parent takes its working children with it.
    for (const child of this.book.childrenOf(record)) {
      if (isWorking(child.order)) this.cancelRecord(child);
    }
  }

  private clearFillTimer(record: OrderRecord): void {
    if (record.fillTimer) clearTimeout(record.fillTimer);
    record.fillTimer = undefined;
  }
}
