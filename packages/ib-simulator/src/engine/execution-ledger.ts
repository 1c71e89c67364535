/** Today's executions: creation with ids, commissions and realized P&L, corrections, and lookups for replay. */
import type { SimExecution, SimOrder } from '../types';
import { ibTimestamp } from '../wire/format';
import { type IdSource, nextRevision } from './ids';
import { commissionFor, nextAverage, roundAverage } from './order-rules';
import { derivePositions } from './positions';

/** Where an order executed: the routed-to exchange, or the primary venue of a SMART order. */
function executionVenue(order: SimOrder): string {
  if (order.exchange !== 'SMART' && order.exchange !== '') return order.exchange;
  return order.primaryExchange || 'ISLAND';
}

export class ExecutionLedger {
  private readonly list: SimExecution[] = [];

  constructor(
    private readonly ids: IdSource,
    private readonly commissionPerShare: number,
    private readonly orderOf: (execution: SimExecution) => SimOrder | undefined,
  ) {}

  all(): readonly SimExecution[] {
    return this.list;
  }

  /** Records a fill of `shares` at `price`; the order must already carry the fill in filled / avgFillPrice. */
  record(order: SimOrder, shares: number, price: number, nowMs: number): SimExecution {
    const execution: SimExecution = {
      execId: this.ids.execId(),
      orderId: order.orderId,
      clientId: order.clientId,
      permId: order.permId,
      symbol: order.symbol,
      secType: order.secType,
      exchange: executionVenue(order),
      currency: order.currency,
      side: order.action === 'BUY' ? 'BOT' : 'SLD',
      shares,
      price,
      cumQty: order.filled,
      avgPrice: order.avgFillPrice,
      time: ibTimestamp(nowMs),
      account: order.account,
      orderRef: order.orderRef,
      commission: commissionFor(shares, this.commissionPerShare),
    };
    this.list.push(execution);
    this.realize();
    return execution;
  }

  /** Replaces an execution by its next revision (".01" → ".02"), optionally at a new price. */
  correct(execId: string, newPrice?: number): SimExecution {
    const index = this.list.findIndex((e) => e.execId === execId);
    if (index < 0) throw new Error(`unknown execId ${execId}`);
    const previous = this.list[index];
    const price = newPrice ?? previous.price;
    const priorQty = previous.cumQty - previous.shares;
    const priorAvg = priorQty === 0 ? 0 : (previous.avgPrice * previous.cumQty - previous.shares * previous.price) / priorQty;
    const corrected: SimExecution = {
      ...previous,
      execId: nextRevision(previous.execId),
      price,
      avgPrice: nextAverage(priorQty, priorAvg, previous.shares, price),
    };
    this.list[index] = corrected;
    this.realize();
    return corrected;
  }

  /** Each execution's realized P&L (its commission report's), from the position before it; a correction re-prices later ones. */
  private realize(): void {
    derivePositions(this.list, this.orderOf, (execution, realized) => {
      execution.realizedPnl = realized;
    });
  }

  /** Average price of an order over its current executions (after corrections). */
  averagePriceOf(permId: number): number {
    const fills = this.list.filter((e) => e.permId === permId);
    const shares = fills.reduce((sum, e) => sum + e.shares, 0);
    return shares === 0 ? 0 : roundAverage(fills.reduce((sum, e) => sum + e.shares * e.price, 0) / shares);
  }
}
