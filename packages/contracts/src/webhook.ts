import { Type, type Static } from '@sinclair/typebox';
import { EXIT_FIELDS } from './exits';
import { NumberLike, numericString } from './numbers';

const caseInsensitive = (words: string[]) =>
  `^(${words.map((w) => [...w].map((c) => (/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c === ' ' ? ' ' : c)).join('')).join('|')})$`;

export const ORDER_TYPES = ['MKT', 'LMT', 'STP', 'STP LMT'] as const;
export const TIME_IN_FORCE = ['DAY', 'GTC', 'IOC', 'FOK', 'OPG'] as const;
export const SEC_TYPES = ['STK', 'FUT', 'CASH', 'CFD', 'CRYPTO'] as const;
export const SECRET_FIELDS = ['secmgs', 'secret', 'passphrase'] as const;
/** Fields the schema leaves optional that the webhook still requires for some directions (the guide says when). */
export const CONDITIONALLY_REQUIRED: Readonly<Record<string, string>> = { price: 'for BUY and SELL' };

/** What an alert may ask for; the position-aware words trade against the strategy's own position. */
export const DIRECTIONS = ['BUY', 'SELL', 'EXIT', 'REVERSE', 'CANCEL'] as const;
export type AlertDirection = (typeof DIRECTIONS)[number];
/** Other words TradingView users write for EXIT. */
export const DIRECTION_ALIASES: Record<string, AlertDirection> = { CLOSE: 'EXIT', FLAT: 'EXIT' };
export const MARKET_POSITIONS = ['long', 'flat', 'short'] as const;

export const WebhookPayload = Type.Object(
  {
    stratName: Type.String({ minLength: 1, maxLength: 100, description: 'Strategy name', examples: ['Strat Alpha'] }),
    alert: Type.Optional(Type.String({ maxLength: 1000, description: 'Free text, e.g. {{strategy.order.comment}}' })),
    exchange: Type.Optional(
      Type.String({ maxLength: 50, description: 'TradingView exchange ({{exchange}}): CME_MINI, NASDAQ, NYSE…' }),
    ),
    symbol: Type.String({ minLength: 1, maxLength: 50, pattern: '^\\S+$', description: 'Ticker ({{ticker}})' }),
    price: Type.Optional(NumberLike('Price at the alert ({{close}}); kept exactly as sent. Required for BUY / SELL (and LMT without limitPrice); optional for EXIT, REVERSE, CANCEL', 15000.5)),
    direction: Type.String({
      pattern: caseInsensitive([...DIRECTIONS, ...Object.keys(DIRECTION_ALIASES)]),
      description: 'BUY or SELL ({{strategy.order.action}}); EXIT (or CLOSE, FLAT): close this strategy\'s position in the contract; ' +
        'REVERSE: long n → short n or back, in one order; CANCEL: cancel this strategy\'s working orders in the contract. Any case.',
      examples: ['BUY'],
    }),
    quantity: Type.Optional(NumberLike('Order quantity; default: the strategy default, else 1', 1)),
    orderType: Type.Optional(
      Type.String({ pattern: caseInsensitive([...ORDER_TYPES]), description: 'MKT (default), LMT, STP or STP LMT' }),
    ),
    limitPrice: Type.Optional(NumberLike('Limit price for LMT / STP LMT: LMT defaults to price; required for STP LMT', 15000)),
    stopPrice: Type.Optional(NumberLike('Stop (trigger) price for STP / STP LMT', 14990)),
    tif: Type.Optional(Type.String({ pattern: caseInsensitive([...TIME_IN_FORCE]), description: 'Time in force, default DAY' })),
    secType: Type.Optional(Type.String({ pattern: caseInsensitive([...SEC_TYPES]), description: 'Security type override' })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Za-z]{3}$', description: 'Currency override, e.g. USD' })),
    marketPosition: Type.Optional(Type.String({ pattern: caseInsensitive([...MARKET_POSITIONS]),
      description: 'Where the strategy stands after this order: long, flat or short ({{strategy.market_position}})' })),
    marketPositionSize: Type.Optional(NumberLike('Its size, absolute ({{strategy.market_position_size}})', 2)),
    prevMarketPosition: Type.Optional(Type.String({ pattern: caseInsensitive([...MARKET_POSITIONS]),
      description: 'Where it stood before ({{strategy.prev_market_position}})' })),
    prevMarketPositionSize: Type.Optional(NumberLike('Its size before, absolute ({{strategy.prev_market_position_size}})', 0)),
    positionSize: Type.Optional(Type.Union([Type.Number(), Type.String({ pattern: numericString })], {
      description: 'Signed position after this order ({{strategy.position_size}}); wins over marketPosition', examples: [-2] })),
    timenow: Type.Optional(Type.String({ maxLength: 40, pattern: '^\\s*\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?\\s*$',
      description: 'When the alert fired ({{timenow}}); in target mode an alert older than one already applied is not traded' })),
    ...EXIT_FIELDS,
    alertId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Your idempotency key: a repeat is answered "duplicate"' }),
    ),
    secmgs: Type.Optional(Type.String({ maxLength: 500, description: 'The shared secret (original field name)' })),
    secret: Type.Optional(Type.String({ maxLength: 500, description: 'The shared secret (alias of secmgs)' })),
    passphrase: Type.Optional(Type.String({ maxLength: 500, description: 'The shared secret (alias of secmgs)' })),
  },
  { additionalProperties: false, title: 'TradingView alert' },
);
export type WebhookPayload = Static<typeof WebhookPayload>;

/** Largest body /webhook reads. */
export const WEBHOOK_BODY_LIMIT_BYTES = 64 * 1024;

/** Every error class /webhook answers, with its HTTP status and what it means for a trader. */
export const WEBHOOK_ERRORS = {
  malformed_body: { status: 400, meaning: 'The body is empty, not UTF-8 or not valid JSON' },
  invalid_payload: { status: 400, meaning: 'One or more fields are missing or wrong; every one is listed in details' },
  unauthorized: { status: 401, meaning: 'The secret (secmgs) is missing or wrong' },
  payload_too_large: { status: 413, meaning: 'The body is over 64 KB' },
  unsupported_media_type: { status: 415, meaning: 'Send application/json or text/plain' },
  unavailable: { status: 503, meaning: 'The alert could not be stored and was NOT accepted; retry' },
} as const;
export type WebhookErrorCode = keyof typeof WEBHOOK_ERRORS;

export const WebhookReply = Type.Object(
  {
    id: Type.Integer({ description: 'The alert id (for a duplicate: the original alert)' }),
    status: Type.Union([Type.Literal('accepted'), Type.Literal('duplicate')]),
  },
  { title: 'Alert acknowledged' },
);
export type WebhookReply = Static<typeof WebhookReply>;

/**
 * For a strategy in position mode "target": where TradingView's strategy stands after the order, and when the alert
 * fired, so a repeated, late or out-of-order alert trades only what is still missing.
 */
export const TRADINGVIEW_TARGET_TEMPLATE =
  '{"stratName":"Strat Alpha","exchange":"{{exchange}}","symbol":"{{ticker}}","price":{{close}},' +
  '"direction":"{{strategy.order.action}}","positionSize":"{{strategy.position_size}}","timenow":"{{timenow}}",' +
  '"alertId":"{{strategy.order.id}}-{{timenow}}","secmgs":"your_secret_message"}';

/** The original application's documented payload: it must keep working unchanged. */
export const ORIGINAL_PAYLOAD_EXAMPLE = {
  stratName: 'Strat Alpha',
  alert: 'Trade Alert!',
  exchange: 'CME_MINI',
  symbol: 'NQU4',
  price: 15000.5,
  direction: 'BUY',
  secmgs: 'your_secret_message',
} as const;

/** What a trader pastes into TradingView's alert message box. */
export const TRADINGVIEW_TEMPLATE =
  '{"stratName":"Strat Alpha","alert":"{{strategy.order.comment}}","exchange":"{{exchange}}",' +
  '"symbol":"{{ticker}}","price":{{close}},"direction":"{{strategy.order.action}}",' +
  '"quantity":{{strategy.order.contracts}},"alertId":"{{strategy.order.id}}-{{timenow}}","secmgs":"your_secret_message"}';
