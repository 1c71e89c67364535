import { Type, type Static } from '@sinclair/typebox';
import { Decimal, Direction, Nullable, NullableDecimal, Timestamp } from './common';

export const RecentTrade = Type.Object(
  {
    execId: Type.String({ description: "IB's execution id" }),
    orderId: Type.Integer({ description: "IB's order id" }),
    permId: Type.Integer({ description: "IB's permanent order id" }),
    symbol: Type.String(),
    secType: Type.String(),
    exchange: Type.String(),
    direction: Direction,
    price: Decimal('Price of this fill'),
    avgPrice: Decimal('Average price of the order so far'),
    quantity: Decimal('Shares/contracts in this fill'),
    cumQty: Decimal('Cumulative quantity of the order so far'),
    time: Timestamp('Execution time'),
    account: Type.String(),
    strategy: Nullable(Type.String({ description: "The alert's strategy; null for a fill of an order placed outside Tradehook" })),
    commission: NullableDecimal('Commission, once IB reported it'),
    commissionCurrency: Nullable(Type.String()),
    realizedPnl: NullableDecimal('Realized P&L, once reported'),
  },
  { title: 'Execution' },
);
export type RecentTrade = Static<typeof RecentTrade>;

export const RecentTradesQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
});
export type RecentTradesQuery = Static<typeof RecentTradesQuery>;
export const RecentTrades = Type.Array(RecentTrade);

export const ConsolidatedTrade = Type.Object(
  {
    permId: Type.Integer({ description: 'The order, as IB knows it across sessions' }),
    orderId: Type.Integer({ description: "IB's order id (label)" }),
    symbol: Type.String(),
    direction: Direction,
    avgPrice: Decimal('Average fill price at the highest cumulative quantity'),
    cumQty: Decimal('Highest cumulative quantity'),
    time: Timestamp('Time of that execution'),
    executions: Type.Integer({ description: 'Executions of this order' }),
    alertId: Nullable(Type.Integer()),
    alertPrice: NullableDecimal('Price in the alert'),
    slippage: NullableDecimal('Per unit, against the alert price; positive = worse (paid more / sold for less)'),
    latencyMs: Nullable(Type.Number({ description: 'From the alert arriving to the last fill' })),
    strategy: Nullable(Type.String({ description: "The alert's strategy; null for an order placed outside Tradehook" })),
    commission: NullableDecimal('Commissions of all its executions IB has reported so far'),
    commissionCurrency: Nullable(Type.String()),
    realizedPnl: NullableDecimal('Realized P&L of its executions, once IB reported it (closing fills only)'),
  },
  { title: 'Consolidated trade' },
);
export type ConsolidatedTrade = Static<typeof ConsolidatedTrade>;

export const ConsolidatedTradesQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
});
export type ConsolidatedTradesQuery = Static<typeof ConsolidatedTradesQuery>;
export const ConsolidatedTrades = Type.Array(ConsolidatedTrade);
