import { Type, type Static } from '@sinclair/typebox';
import { Decimal, Nullable, NullableDecimal, Timestamp } from './common';

/** The contract a position is in, as IB identifies it (conId) and as a trader reads it. */
const ContractFields = {
  conId: Type.Integer({ description: "IB's contract id" }),
  symbol: Type.String(),
  localSymbol: Nullable(Type.String({ description: 'e.g. ESZ6 for a future' })),
  secType: Type.String({ description: 'STK, FUT, CASH, …' }),
  exchange: Nullable(Type.String()),
  currency: Type.String(),
  multiplier: NullableDecimal('Contract multiplier (futures)'),
};

/** A position as IB holds it (reqPositions / portfolio updates), with IB's P&L for it. */
export const Position = Type.Object(
  {
    account: Type.String(),
    ...ContractFields,
    quantity: Decimal('Signed: long > 0, short < 0'),
    avgCost: Decimal("IB's average cost per unit (for futures IB includes the multiplier)"),
    marketPrice: NullableDecimal('Last market price IB (or market data) reported'),
    marketValue: NullableDecimal('quantity × price × multiplier'),
    unrealizedPnl: NullableDecimal('Unrealized P&L'),
    realizedPnl: NullableDecimal('Realized P&L'),
    dailyPnl: NullableDecimal("Today's P&L for this position (reqPnLSingle)"),
    asOf: Timestamp('When IB reported these figures'),
  },
  { title: 'Position at IB' },
);
export type Position = Static<typeof Position>;
export const Positions = Type.Array(Position);
export type Positions = Static<typeof Positions>;

/** One account's values (reqAccountSummary / account updates) and today's P&L (reqPnL). */
export const AccountValues = Type.Object(
  {
    account: Type.String(),
    paper: Type.Boolean({ description: 'A paper account (IB paper account ids start with D)' }),
    currency: Nullable(Type.String({ description: 'Base currency of the values below' })),
    netLiquidation: NullableDecimal('Net liquidation value'),
    availableFunds: NullableDecimal('Available funds'),
    buyingPower: NullableDecimal('Buying power'),
    dailyPnl: NullableDecimal("Today's P&L"),
    unrealizedPnl: NullableDecimal('Unrealized P&L'),
    realizedPnl: NullableDecimal('Realized P&L today'),
    asOf: Nullable(Timestamp('When IB reported them')),
  },
  { title: 'Account' },
);
export type AccountValues = Static<typeof AccountValues>;
export const AccountOverview = Type.Object({
  connected: Type.Boolean({ description: 'IB is connected now (figures are as of asOf otherwise)' }),
  accounts: Type.Array(AccountValues),
});
export type AccountOverview = Static<typeof AccountOverview>;

/** What one strategy holds in one contract, derived from its own fills (orders carry their strategy in orderRef). */
export const StrategyPosition = Type.Object(
  {
    strategy: Type.String(),
    account: Type.String(),
    ...ContractFields,
    conId: Nullable(Type.Integer({ description: "IB's contract id, once a fill reported it" })),
    quantity: Decimal('Signed: long > 0, short < 0'),
    avgPrice: NullableDecimal('Average entry price of the open quantity (null when flat)'),
    realizedPnl: Decimal('Realized P&L from this strategy\'s fills, after commissions'),
    commission: Decimal('Commissions paid'),
    working: Decimal("Signed quantity of this strategy's working orders in the contract"),
    lastFillAt: Nullable(Timestamp('Last fill')),
  },
  { title: 'Strategy position' },
);
export type StrategyPosition = Static<typeof StrategyPosition>;

/** A contract whose position at IB differs from the sum of the strategies' positions beyond fills not yet recorded. */
export const PositionDrift = Type.Object(
  {
    account: Type.String(),
    ...ContractFields,
    ibQuantity: Decimal('What IB holds'),
    strategiesQuantity: Decimal("Sum of the strategies' positions"),
    working: Decimal('Signed open quantity of working orders in the contract (a resting order explains no difference)'),
    difference: Decimal('ibQuantity − strategiesQuantity (not explained by fills IB reported that are not yet recorded)'),
    since: Timestamp('When the difference was first seen'),
  },
  { title: 'Drift' },
);
export type PositionDrift = Static<typeof PositionDrift>;

export const StrategyPositions = Type.Object({
  positions: Type.Array(StrategyPosition),
  drift: Type.Array(PositionDrift),
});
export type StrategyPositions = Static<typeof StrategyPositions>;

/** How a strategy's alerts become orders. */
export const POSITION_MODES = ['orders', 'target'] as const;
export const PositionMode = Type.Union(POSITION_MODES.map((m) => Type.Literal(m)), {
  description: 'orders: trade what the alert says; target: trade the difference to the position the alert states',
});
export type PositionMode = Static<typeof PositionMode>;

/**
 * Admin position actions. `expected` is the figure the admin's screen showed (the strategy's quantity, IB's
 * quantity, or the drift's difference): a different figure now answers 409, so a stale screen cannot act on
 * something else. Without it the request must say `confirm: true`.
 */
const Confirmation = {
  expected: Type.Optional(Decimal('The figure the screen showed; refused (409) when it is no longer so')),
  confirm: Type.Optional(Type.Boolean({ description: 'true: act on whatever the position is now' })),
};
export const FlattenStrategyRequest = Type.Object(
  { strategy: Type.String({ minLength: 1 }), account: Type.String(), conId: Type.Integer(), ...Confirmation },
  { title: "Flatten one strategy's position" },
);
export type FlattenStrategyRequest = Static<typeof FlattenStrategyRequest>;
export const ContractActionRequest = Type.Object(
  { account: Type.String(), conId: Type.Integer(), ...Confirmation },
  { title: 'Flatten or sync a contract at IB' },
);
export type ContractActionRequest = Static<typeof ContractActionRequest>;
export const FlattenAllRequest = Type.Object({ confirm: Type.Literal(true) }, { title: 'Flatten everything' });
export type FlattenAllRequest = Static<typeof FlattenAllRequest>;
/** Each action is one or more internal alerts, each with its own fate like any alert (GET /api/alerts/:id). */
export const PositionActionReply = Type.Object({
  alerts: Type.Array(Type.Object({
    id: Type.Integer(),
    strategy: Type.String(),
    direction: Type.String({ description: "EXIT for a strategy's position; SYNC for IB's remainder (BUY or SELL decided at dispatch)" }),
  })),
});
export type PositionActionReply = Static<typeof PositionActionReply>;
