import { Type, type Static } from '@sinclair/typebox';
import { Decimal, Id, Nullable, NullableDecimal, Timestamp } from './common';
import { PositionMode } from './positions';

/**
 * The admin console's resources under /api/admin/<resource>, in the format ra-data-simple-rest expects:
 * GET list with ?sort=["field","ASC"]&range=[0,24]&filter={…} answering an array and a Content-Range header;
 * GET/PUT/DELETE /:id; POST to create. Writes need the admin role (a viewer gets 403).
 */
export const ROLES = ['admin', 'viewer'] as const;
export const Role = Type.Union(ROLES.map((r) => Type.Literal(r)));
export type Role = Static<typeof Role>;

export const LoginRequest = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
export type LoginRequest = Static<typeof LoginRequest>;

export const CurrentUser = Type.Object({ id: Id, username: Type.String(), role: Role }, { title: 'Signed-in user' });
export type CurrentUser = Static<typeof CurrentUser>;

export const User = Type.Object(
  { id: Id, username: Type.String(), role: Role, createdAt: Timestamp('Created'), lastLoginAt: Nullable(Timestamp('Last login')) },
  { title: 'User' },
);
export type User = Static<typeof User>;
export const UserInput = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.@-]+$' }),
  role: Role,
  password: Type.Optional(Type.String({ minLength: 10, maxLength: 200, description: 'Set or reset the password' })),
});
export type UserInput = Static<typeof UserInput>;

const TimeOfDay = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM in the strategy time zone' });

export const Strategy = Type.Object(
  {
    id: Id,
    name: Type.String({ description: 'Matches stratName in the alert' }),
    enabled: Type.Boolean(),
    hasSecret: Type.Boolean({ description: 'A per-strategy secret is set (the secret itself is never shown again)' }),
    defaultQuantity: NullableDecimal('Quantity when the alert has none'),
    maxQuantity: NullableDecimal('Largest quantity allowed per order'),
    maxNotional: NullableDecimal('Largest quantity × price allowed per order'),
    allowedSymbols: Nullable(Type.Array(Type.String(), { description: 'Only these symbols (empty/null: any)' })),
    tradingWindowStart: Nullable(TimeOfDay),
    tradingWindowEnd: Nullable(TimeOfDay),
    timeZone: Type.String({ description: 'IANA time zone of the trading window, e.g. America/New_York' }),
    defaultOrderType: Nullable(Type.String()),
    positionMode: PositionMode,
    createdAt: Timestamp('Created'),
    updatedAt: Timestamp('Last change'),
  },
  { title: 'Strategy' },
);
export type Strategy = Static<typeof Strategy>;

export const StrategyInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  enabled: Type.Optional(Type.Boolean()),
  defaultQuantity: Type.Optional(Nullable(Decimal('Default quantity'))),
  maxQuantity: Type.Optional(Nullable(Decimal('Max quantity'))),
  maxNotional: Type.Optional(Nullable(Decimal('Max notional'))),
  allowedSymbols: Type.Optional(Nullable(Type.Array(Type.String({ minLength: 1, maxLength: 50 })))),
  tradingWindowStart: Type.Optional(Nullable(TimeOfDay)),
  tradingWindowEnd: Type.Optional(Nullable(TimeOfDay)),
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  defaultOrderType: Type.Optional(Nullable(Type.Union(['MKT', 'LMT', 'STP', 'STP LMT'].map((t) => Type.Literal(t))))),
  positionMode: Type.Optional(PositionMode),
  /** true: generate a new secret; a string: use it (16+ characters). Answered once, in this response only. */
  rotateSecret: Type.Optional(Type.Union([Type.Boolean(), Type.String({ minLength: 16, maxLength: 200 })])),
});
export type StrategyInput = Static<typeof StrategyInput>;
/** The create/rotate answer: the only time a strategy secret is ever shown. */
export const StrategyWithSecret = Type.Composite([Strategy, Type.Object({ secret: Type.Optional(Type.String()) })]);
export type StrategyWithSecret = Static<typeof StrategyWithSecret>;

/** A strategy name alerts arrived for that no configured strategy matches: the console offers to create it. */
export const UnknownStrategy = Type.Object(
  {
    id: Type.String({ description: 'The name as strategies are matched (strategyKey): spellings that differ in case or spaces are one' }),
    name: Type.String({ description: 'The latest spelling seen' }),
    alerts: Type.Integer({ minimum: 1, description: 'Alerts received with this name (rejected requests not counted)' }),
    lastSeenAt: Timestamp('Last alert'),
    looksLike: Type.Optional(Type.String({
      description: 'The configured strategy this name looks like without being it (e.g. Cyrillic "Ѕсоре" for Scope): its alerts are refused',
    })),
  },
  { title: 'Strategy seen but not configured' },
);
export type UnknownStrategy = Static<typeof UnknownStrategy>;

export const ContractMapping = Type.Object(
  {
    id: Id,
    tvSymbol: Type.String({ description: 'TradingView ticker, e.g. NQ1! or AAPL' }),
    tvExchange: Type.String({ description: 'TradingView exchange, "" for any' }),
    symbol: Type.String({ description: 'IB symbol (futures: the root, e.g. NQ)' }),
    secType: Type.String(),
    exchange: Type.String(),
    primaryExchange: Nullable(Type.String()),
    currency: Type.String(),
    multiplier: Nullable(Type.String()),
    localSymbol: Nullable(Type.String()),
    frontMonth: Type.Boolean({ description: 'Continuous future: trade the front quarterly month' }),
    updatedAt: Timestamp('Last change'),
  },
  { title: 'Contract mapping' },
);
export type ContractMapping = Static<typeof ContractMapping>;
export const ContractMappingInput = Type.Object({
  tvSymbol: Type.String({ minLength: 1, maxLength: 50 }),
  tvExchange: Type.Optional(Type.String({ maxLength: 50 })),
  symbol: Type.String({ minLength: 1, maxLength: 50 }),
  secType: Type.Union(['STK', 'FUT', 'CASH', 'CFD', 'CRYPTO'].map((t) => Type.Literal(t))),
  exchange: Type.String({ minLength: 1, maxLength: 50 }),
  primaryExchange: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  multiplier: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  localSymbol: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  frontMonth: Type.Optional(Type.Boolean()),
});
export type ContractMappingInput = Static<typeof ContractMappingInput>;

/**
 * An alert for a strategy not configured here: `auto` (the default) lets it trade only while no strategy is configured
 * at all (a fresh install, the original payload), and refuses it once one is; `allow` always; `refuse` never.
 */
export const UNKNOWN_STRATEGY_POLICIES = ['auto', 'allow', 'refuse'] as const;
export type UnknownStrategyPolicy = (typeof UNKNOWN_STRATEGY_POLICIES)[number];
/** Per-order limits for every order, known strategy or not (notional in the contract's currency). */
export const GLOBAL_LIMIT_DEFAULTS = { globalMaxQuantity: 100, globalMaxNotional: 1_000_000 } as const;
const GlobalLimit = (description: string) => Type.Number({ exclusiveMinimum: 0, maximum: 1e12, description });
/** An alert price further than this from IB's reference price is refused (the migration's default, 1764100006000). */
export const PRICE_BAND_DEFAULT_PERCENT = 10;
export const TRADINGVIEW_ADDRESSES = ['52.89.214.238', '34.212.75.30', '54.218.53.128', '52.32.178.7'] as const;

export const Settings = Type.Object(
  {
    id: Type.Literal(1),
    killSwitch: Type.Boolean({ description: 'Refuse every new order' }),
    orderMaxAgeSeconds: Type.Integer({ minimum: 1, maximum: 86_400 }),
    duplicateWindowSeconds: Type.Integer({ minimum: 0, maximum: 86_400 }),
    ipAllowlistEnabled: Type.Boolean(),
    ipAllowlist: Type.Array(Type.String(), { description: 'Addresses allowed to call /webhook when enabled' }),
    unknownStrategyPolicy: Type.Union(UNKNOWN_STRATEGY_POLICIES.map((p) => Type.Literal(p)), {
      description: 'An alert for a strategy not configured here: auto (refused once any strategy is configured), allow, refuse',
    }),
    globalMaxQuantity: GlobalLimit('Largest quantity of any order, whatever its strategy'),
    globalMaxNotional: GlobalLimit("Largest quantity × price × multiplier of any order, in the contract's currency"),
    priceBandPercent: Type.Number({
      minimum: 1, maximum: 100,
      description: "An alert whose price, limit or stop is further than this many % from IB's reference price is refused",
    }),
    rejectedRetentionDays: Type.Integer({
      minimum: 1, maximum: 3650,
      description: 'Rejected and duplicate alerts that led to no order are deleted after this many days',
    }),
    updatedAt: Timestamp('Last change'),
  },
  { title: 'Settings' },
);
export type Settings = Static<typeof Settings>;
export const SettingsInput = Type.Partial(Type.Omit(Settings, ['id', 'updatedAt']));
export type SettingsInput = Static<typeof SettingsInput>;

export const AuditEntry = Type.Object(
  {
    id: Id,
    at: Timestamp('When'),
    username: Nullable(Type.String()),
    action: Type.String({ examples: ['create', 'update', 'delete', 'resend', 'cancel', 'login'] }),
    resource: Type.String(),
    resourceId: Nullable(Type.String()),
    details: Nullable(Type.Record(Type.String(), Type.Unknown())),
  },
  { title: 'Audit entry' },
);
export type AuditEntry = Static<typeof AuditEntry>;

export const Execution = Type.Object(
  {
    id: Id,
    execId: Type.String(),
    orderId: Nullable(Type.Integer({ description: 'Tradehook order id' })),
    ibOrderId: Type.Integer(),
    permId: Type.Integer(),
    symbol: Type.String(),
    secType: Type.String(),
    exchange: Type.String(),
    side: Type.String(),
    shares: Decimal('Quantity of this fill'),
    price: Decimal('Fill price'),
    cumQty: Decimal('Cumulative quantity'),
    avgPrice: Decimal('Average price so far'),
    executedAt: Timestamp('Execution time'),
    account: Type.String(),
    commission: NullableDecimal('Commission'),
  },
  { title: 'Execution' },
);
export type Execution = Static<typeof Execution>;
