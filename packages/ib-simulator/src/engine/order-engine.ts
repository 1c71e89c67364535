/**
 * The order lifecycle as TWS runs it: accept or reject (201, 110 off-tick), hold (transmit=0, bracket children,
 * outside the regular session), submit, trail and trigger stops, fill in partial executions, size children to their
 * parent's fills, cancel, and cancel or reduce OCA siblings. Knows nothing about sockets: everything the clients
 * should hear goes through the OrderObserver.
 */
import type { SimExecution, SimOrder } from '../types';
import type { PlaceOrderRequest } from '../wire/client-requests';
import type { ExecutionLedger } from './execution-ledger';
import { contractSpec } from './contract-specs';
import type { IdSource } from './ids';
import { instrumentKey, type Instruments } from './instruments';
import { newOrder } from './new-order';
import { isWorking, OrderBook, type OrderRecord } from './order-book';
import { childQuantity, ocaReaction, resize } from './order-groups';
import { executablePrice, hasStop, isTrailing, nextAverage, offTickPrice, rejectionReason, splitQuantity, stopTriggered, worksOutsideRth } from './order-rules';
import type { PriceBook } from './price-book';
import type { TradingSession } from './trading-session';
import { fixTrailLimit, followTrail, startTrail } from './trailing';

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
  session: TradingSession;
  /** At most this quantity of one order executes per price update (undefined: all of it), to make partial fills rest. */
  maxFillQuantity: number | undefined;
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
    const order = newOrder(clientId, request, receivedAt, this.settings.account);
    const record: OrderRecord = { order, transmitted: false, stopTriggered: false, placedQuantity: order.totalQuantity };
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

  /** Re-checks resting orders of the symbols whose price moved (and orders waiting for the session). */
  onPricesChanged(symbols: readonly string[]): void {
    const moved = new Set(symbols);
    this.recheck((record) => moved.has(instrumentKey(record.order)));
  }

  /** The clock was set: orders held for the regular session may go live, live ones may stop or resume filling. */
  onClockChanged(): void {
    this.recheck(() => true);
  }

  /** Submits orders held for the session once they may work (the wall clock moves too), then re-evaluates `affected`. */
  private recheck(affected: (record: OrderRecord) => boolean): void {
    for (const record of this.book.working()) {
      if (record.awaitingSession && this.inSession(record.order)) this.submit(record);
      else if (affected(record)) this.evaluate(record);
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

  private rejection(record: OrderRecord, request: PlaceOrderRequest): { code: number; message: string } | undefined {
    const { order } = record;
    const undefinedContract = this.settings.instruments.definitionProblem({ ...request, secType: order.secType, currency: order.currency });
    if (undefinedContract) return { code: 200, message: undefinedContract };
    const reason = rejectionReason(request);
    if (reason) return { code: 201, message: `Order rejected - reason:${reason}` };
    if (order.parentId !== 0 && !this.book.parentOf(record)) {
      return { code: 201, message: `Order rejected - reason:Parent order ${order.parentId} not found` };
    }
    const key = instrumentKey(order);
    const tickAt = (price: number) => contractSpec(order.secType, key, price).minTick;
    if (offTickPrice(request, tickAt, this.prices.get(key)) !== undefined) {
      return { code: 110, message: 'The price does not conform to the minimum price variation for this contract.' };
    }
    return undefined;
  }

  /** The contract's tick at the market price (a stock's depends on the price): what a trail moves on. */
  private minTick(order: SimOrder): number {
    const key = instrumentKey(order);
    return contractSpec(order.secType, key, this.prices.get(key)).minTick;
  }

  /** Outside the regular session only the limit types flagged outsideRth work (stocks; see trading-session.ts). */
  private inSession(order: SimOrder): boolean {
    return this.settings.session.isRegular(order.secType) || worksOutsideRth(order);
  }

  /** A transmit=1 order sends its whole group: the held parent first, then every held child. */
  private transmitGroup(record: OrderRecord): void {
    const parent = this.book.parentOf(record) ?? record;
    const group = [parent, ...this.book.childrenOf(parent)].filter((r) => !r.transmitted && isWorking(r.order));
    for (const member of group) member.transmitted = true;
    for (const member of group) this.release(member);
  }

  /**
   * A transmitted order goes live; a child only for its share of what its parent has filled so far, growing as the
   * parent fills further (IB's bracket sizing).
   */
  private release(record: OrderRecord): void {
    const { order } = record;
    if (!isWorking(order)) return;
    const parent = this.book.parentOf(record)?.order;
    if (parent && parent.filled === 0 && (parent.status === 'Cancelled' || parent.status === 'Inactive')) return this.cancelRecord(record);
    if (parent) {
      const quantity = childQuantity(record.placedQuantity, parent);
      if (quantity <= 0) return; // held until the parent fills
      if (resize(order, quantity)) {
        this.observer.openOrder(order);
        if (order.status === 'Submitted') this.observer.orderStatus(order, 0);
      }
    }
    if (order.status === 'PreSubmitted') this.submit(record);
    else this.evaluate(record);
  }

  /** Goes live, or stays PreSubmitted while the session does not allow it (IB's hold until the open). */
  private submit(record: OrderRecord): void {
    const { order } = record;
    const held = !this.inSession(order);
    if (held && !record.awaitingSession) {
      const what = `${order.action} ${order.totalQuantity} ${order.symbol} ${order.exchange}`;
      this.observer.orderMessage(order.clientId, order.orderId, 399, this.settings.session.holdWarning(what));
    }
    record.awaitingSession = held;
    if (held) return;
    order.status = 'Submitted';
    if (isTrailing(order.orderType)) {
      // The trail starts from the price at activation (a child's when its parent fills); the client sees it at once.
      startTrail(order, this.prices.get(instrumentKey(order)), this.minTick(order));
      this.observer.openOrder(order);
    }
    this.observer.orderStatus(order, 0);
    this.evaluate(record);
  }

  /** Fills the order now (or after fillDelayMs) if it is marketable at the current price. */
  private evaluate(record: OrderRecord): void {
    const { order } = record;
    if (order.status !== 'Submitted' || record.fillTimer) return;
    const price = this.prices.get(instrumentKey(order));
    if (!record.stopTriggered) followTrail(order, price, this.minTick(order));
    if (!this.inSession(order)) return;
    if (hasStop(order) && !record.stopTriggered) {
      if (!stopTriggered(order, price)) return;
      record.stopTriggered = true;
      fixTrailLimit(order);
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

  /**
   * Executes the remaining quantity (at most maxFillQuantity) in partialFills executions at one price; what is left
   * rests until the next price update. Stays resting if no longer marketable.
   */
  private fill(record: OrderRecord): void {
    const { order } = record;
    const price = order.status === 'Submitted' ? executablePrice(order, this.prices.get(instrumentKey(order))) : undefined;
    if (price === undefined) return;
    const nowMs = Date.now();
    const parts = splitQuantity(Math.min(order.remaining, this.settings.maxFillQuantity ?? Infinity), this.settings.partialFills);
    for (const shares of parts) {
      order.avgFillPrice = nextAverage(order.filled, order.avgFillPrice, shares, price);
      order.filled += shares;
      order.remaining = order.totalQuantity - order.filled;
      if (order.remaining <= 0) {
        order.status = 'Filled';
        record.completedAtMs = nowMs;
      }
      this.observer.executed(this.ledger.record(order, shares, price, nowMs), order);
      this.observer.orderStatus(order, price);
    }
    this.observer.openOrder(order);
    this.afterExecutions(record, parts.reduce((sum, shares) => sum + shares, 0));
  }

  private afterExecutions(record: OrderRecord, executed: number): void {
    const reaction = ocaReaction(record.order);
    for (const sibling of this.book.ocaSiblingsOf(record)) {
      if (reaction === 'cancel') this.cancelRecord(sibling);
      else this.reduce(sibling, executed);
    }
    for (const child of this.book.childrenOf(record)) {
      if (child.transmitted) this.release(child);
    }
  }

  /** OCA types 2/3: a sibling works `executed` less; one left with nothing to do is cancelled. */
  private reduce(record: OrderRecord, executed: number): void {
    const { order } = record;
    record.placedQuantity = Math.max(0, record.placedQuantity - executed);
    const parent = this.book.parentOf(record)?.order;
    const quantity = parent ? childQuantity(record.placedQuantity, parent) : record.placedQuantity;
    if (quantity <= order.filled) return this.cancelRecord(record);
    if (!resize(order, quantity)) return;
    this.observer.openOrder(order);
    this.observer.orderStatus(order, 0);
  }

  private cancelRecord(record: OrderRecord): void {
    const { order } = record;
    this.clearFillTimer(record);
    order.status = 'Cancelled';
    record.completedAtMs = Date.now();
    this.observer.orderStatus(order, 0);
    this.observer.orderMessage(order.clientId, order.orderId, 202, 'Order Canceled - reason:');
    this.observer.cancelled(order);
    // A cancelled parent takes its working children with it, except those protecting what it had filled.
    for (const child of this.book.childrenOf(record)) {
      if (isWorking(child.order) && childQuantity(child.placedQuantity, order) <= child.order.filled) this.cancelRecord(child);
    }
  }

  private clearFillTimer(record: OrderRecord): void {
    if (record.fillTimer) clearTimeout(record.fillTimer);
    record.fillTimer = undefined;
  }
}
