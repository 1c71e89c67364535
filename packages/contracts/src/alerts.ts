import { Type, type Static } from '@sinclair/typebox';
import { Decimal, Id, Nullable, NullableDecimal, Page, Pagination, Timestamp } from './common';
import { AlertExits } from './exits';
import { OrderStatus } from './orders';

export const ALERT_STATUSES = ['accepted', 'placed', 'done', 'refused', 'expired', 'failed', 'rejected', 'duplicate'] as const;
export const AlertStatus = Type.Union(
  ALERT_STATUSES.map((s) => Type.Literal(s)),
  {
    description:
      'accepted: durable, waiting for dispatch · placed: an order went to IB · ' +
      'done: no order was needed (the strategy already held the target, or the alert only cancelled orders; the reason says which) · refused: a risk rule said no · ' +
      'expired: IB was unreachable past ORDER_MAX_AGE · failed: IB rejected the order · ' +
      'rejected: the request itself was invalid or unauthenticated · duplicate: a repeat of an earlier alert',
  },
);
export type AlertStatus = Static<typeof AlertStatus>;

export const EXIT_ROLES = ['take-profit', 'stop-loss', 'trailing-stop'] as const;
export const ExitRole = Type.Union(EXIT_ROLES.map((r) => Type.Literal(r)), { description: "A bracket child's job" });
export type ExitRole = Static<typeof ExitRole>;

/** A bracket's child: an exit resting at IB with its entry (held by IB until the entry fills). */
export const ExitOrderSummary = Type.Object({
  id: Id,
  ibOrderId: Type.Integer(),
  role: ExitRole,
  orderType: Type.String({ description: 'LMT (take-profit), STP or STP LMT (stop-loss), TRAIL (trailing stop)' }),
  status: OrderStatus,
  limitPrice: NullableDecimal('Limit price, rounded to the tick'),
  stopPrice: NullableDecimal('Stop price, rounded to the tick'),
  trailingAmount: NullableDecimal('Trailing distance in points'),
  trailingPercent: NullableDecimal('Trailing distance in percent'),
  filled: Decimal('Filled quantity'),
  avgFillPrice: NullableDecimal('Average fill price'),
}, { title: 'Exit order' });
export type ExitOrderSummary = Static<typeof ExitOrderSummary>;

export const AlertOrderSummary = Type.Object({
  id: Id,
  ibOrderId: Nullable(Type.Integer()),
  status: OrderStatus,
  quantity: Decimal('Quantity ordered (the strategy default or 1 when the alert had none)'),
  filled: Decimal('Filled quantity'),
  avgFillPrice: NullableDecimal('Average fill price'),
  exits: Type.Optional(Type.Array(ExitOrderSummary, { description: "The bracket's children, oldest first (empty without exits)" })),
});

/** The IB contract an alert's ticker resolved to (what was, or would have been, sent to IB). */
export const ResolvedContract = Type.Object(
  {
    secType: Type.String({ description: 'STK, FUT, CASH, CRYPTO…' }),
    symbol: Type.String({ description: 'IB symbol (a future\'s root)' }),
    exchange: Type.String(),
    primaryExchange: Nullable(Type.String()),
    currency: Type.String(),
    localSymbol: Nullable(Type.String({ description: "IB's local symbol, e.g. ESZ6" })),
    lastTradeDate: Nullable(Type.String({ description: 'Contract month (YYYYMM) or expiry, when known' })),
    multiplier: Nullable(Type.String()),
  },
  { title: 'Resolved contract' },
);
export type ResolvedContract = Static<typeof ResolvedContract>;

export const Alert = Type.Object(
  {
    id: Id,
    receivedAt: Timestamp('When the request arrived'),
    clientIp: Nullable(Type.String()),
    strategy: Nullable(Type.String()),
    symbol: Nullable(Type.String()),
    exchange: Nullable(Type.String()),
    price: NullableDecimal('Price in the alert, exactly as sent'),
    direction: Nullable(Type.String()),
    quantity: NullableDecimal('Quantity in the alert'),
    orderType: Nullable(Type.String()),
    alertText: Nullable(Type.String()),
    externalId: Nullable(Type.String({ description: "The sender's alertId" })),
    status: AlertStatus,
    reason: Nullable(Type.String({ description: 'Why it was rejected, refused, expired or failed' })),
    httpStatus: Type.Integer(),
    duplicateOf: Nullable(Type.Integer()),
    contract: Nullable(ResolvedContract),
    order: Nullable(AlertOrderSummary),
    exits: Type.Optional(Nullable(AlertExits)),
  },
  { title: 'Alert' },
);
export type Alert = Static<typeof Alert>;

/** The raw body and what a reader may know about it (only admins read raw bodies). */
export const AlertRawBody = Type.Object({
  rawBody: Nullable(Type.String({ description: 'The body as received, secrets redacted; null when there was none or it is hidden' })),
  rawBodyTruncated: Type.Boolean({ description: 'Only the first KB was stored (a request without a valid secret)' }),
  rawBodyHidden: Type.Boolean({ description: 'Raw bodies are shown to admins only: true for any other role' }),
});

export const AlertDetail = Type.Composite([Alert, AlertRawBody]);
export type AlertDetail = Static<typeof AlertDetail>;

export const AlertListQuery = Type.Object({
  ...Pagination,
  strategy: Type.Optional(Type.String({ description: 'Exact strategy name' })),
  symbol: Type.Optional(Type.String({ description: 'Exact symbol' })),
  status: Type.Optional(AlertStatus),
});
export type AlertListQuery = Static<typeof AlertListQuery>;

export const AlertList = Page(Alert);
export type AlertList = Static<typeof AlertList>;
