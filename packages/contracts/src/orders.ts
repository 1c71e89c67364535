import { Type, type Static } from '@sinclair/typebox';
import { Decimal, Id, Nullable, NullableDecimal, Page, Pagination, Timestamp } from './common';

export const ORDER_STATUSES = ['submitting', 'working', 'filled', 'cancelled', 'rejected'] as const;
export const OrderStatus = Type.Union(
  ORDER_STATUSES.map((s) => Type.Literal(s)),
  {
    description:
      'submitting: written with its IB order id, placeOrder on its way · working: IB acknowledged it · ' +
      'filled · cancelled · rejected: IB refused it (see lastError)',
  },
);
export type OrderStatus = Static<typeof OrderStatus>;

export const Order = Type.Object(
  {
    id: Id,
    alertId: Nullable(Type.Integer()),
    parentOrderId: Type.Optional(Nullable(Type.Integer({ description: "A bracket child's parent order (the entry); null for an entry" }))),
    exitRole: Type.Optional(Nullable(Type.String({ description: 'take-profit, stop-loss or trailing-stop for a bracket child' }))),
    ibOrderId: Type.Integer({ description: "IB's order id (per client id)" }),
    permId: Nullable(Type.Integer({ description: "IB's permanent id" })),
    clientId: Type.Integer(),
    symbol: Type.String(),
    secType: Type.String(),
    exchange: Type.String(),
    primaryExchange: Nullable(Type.String()),
    currency: Type.String(),
    localSymbol: Nullable(Type.String()),
    side: Type.String(),
    quantity: Decimal('Ordered quantity'),
    orderType: Type.String(),
    limitPrice: NullableDecimal('Limit price'),
    stopPrice: NullableDecimal('Stop price'),
    tif: Type.String(),
    status: OrderStatus,
    filled: Decimal('Filled so far'),
    remaining: Decimal('Still to fill'),
    avgFillPrice: NullableDecimal('Average fill price'),
    lastError: Nullable(Type.String()),
    createdAt: Timestamp('Row written (order id allocated)'),
    submittedAt: Nullable(Timestamp('placeOrder written to the socket')),
    acknowledgedAt: Nullable(Timestamp('First openOrder/orderStatus from IB')),
    filledAt: Nullable(Timestamp('Fully filled')),
    closedAt: Nullable(Timestamp('Cancelled or rejected')),
  },
  { title: 'Order' },
);
export type Order = Static<typeof Order>;

export const OrderListQuery = Type.Object({ ...Pagination, status: Type.Optional(OrderStatus) });
export type OrderListQuery = Static<typeof OrderListQuery>;
export const OrderList = Page(Order);
export type OrderList = Static<typeof OrderList>;
