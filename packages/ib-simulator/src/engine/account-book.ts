/**
 * An account as IB reports it, derived from the simulator's own fills and prices: positions valued at the current
 * price, cash after trades and commissions, margin figures and P&L. The simulator's day begins when it starts, so
 * every position was opened today and daily P&L is realized + unrealized, which is also the move in net liquidation.
 * Futures are valued at price × multiplier; their notional moves cash like a stock's (IB instead settles futures
 * variation in cash: net liquidation and P&L agree, TotalCashValue and GrossPositionValue do not).
 */
import type { Position, SimExecution, SimOrder } from '../types';
import { instrumentKey } from './instruments';
import { derivePositions, multiplierOf } from './positions';

/** Initial margin as a share of gross position value (Reg T's 25 % intraday requirement for stocks). */
const MARGIN_RATE = 0.25;
export const BASE_CURRENCY = 'USD';

export interface ValuedPosition extends Position {
  marketPrice: number;
  marketValue: number;
  unrealizedPnl: number;
}

export interface AccountSnapshot {
  account: string;
  cash: number;
  grossPositionValue: number;
  netLiquidation: number;
  availableFunds: number;
  buyingPower: number;
  unrealizedPnl: number;
  realizedPnl: number;
  dailyPnl: number;
  positions: ValuedPosition[];
}

export interface AccountSources {
  accounts(): readonly string[];
  startingCash: number;
  executions(): readonly SimExecution[];
  orderOf(execution: SimExecution): SimOrder | undefined;
  price(instrumentKey: string): number;
}

const money = (value: number): number => Math.round(value * 100) / 100;

export class AccountBook {
  constructor(private readonly sources: AccountSources) {}

  accounts(): readonly string[] {
    return this.sources.accounts();
  }

  positions(): Position[] {
    return derivePositions(this.sources.executions(), (e) => this.sources.orderOf(e));
  }

  snapshot(account: string): AccountSnapshot {
    const positions = this.positions().filter((p) => p.account === account).map((p) => this.valued(p));
    const traded = this.sources.executions().filter((e) => e.account === account);
    const spent = traded.reduce((sum, e) => sum + (e.side === 'BOT' ? 1 : -1) * e.shares * e.price * this.multiplier(e) + e.commission, 0);
    const cash = money(this.sources.startingCash - spent);
    const marketValue = positions.reduce((sum, p) => sum + p.marketValue, 0);
    const grossPositionValue = money(positions.reduce((sum, p) => sum + Math.abs(p.marketValue), 0));
    const netLiquidation = money(cash + marketValue);
    const availableFunds = money(netLiquidation - MARGIN_RATE * grossPositionValue);
    const unrealizedPnl = money(positions.reduce((sum, p) => sum + p.unrealizedPnl, 0));
    const realizedPnl = money(positions.reduce((sum, p) => sum + p.realizedPnl, 0));
    return {
      account, cash, grossPositionValue, netLiquidation, availableFunds, buyingPower: money(availableFunds / MARGIN_RATE),
      unrealizedPnl, realizedPnl, dailyPnl: money(unrealizedPnl + realizedPnl), positions,
    };
  }

  position(account: string, conId: number): ValuedPosition | undefined {
    const found = this.positions().find((p) => p.account === account && p.order.conId === conId);
    return found && this.valued(found);
  }

  private multiplier(execution: SimExecution): number {
    const order = this.sources.orderOf(execution);
    return order ? multiplierOf(order) : 1;
  }

  private valued(position: Position): ValuedPosition {
    const marketPrice = this.sources.price(instrumentKey(position.order));
    const marketValue = money(position.quantity * marketPrice * multiplierOf(position.order));
    return { ...position, marketPrice, marketValue, unrealizedPnl: money(marketValue - position.quantity * position.avgCost) };
  }
}
