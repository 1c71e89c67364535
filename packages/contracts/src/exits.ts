import { Type, type Static } from '@sinclair/typebox';
import { NumberLike } from './numbers';

/**
 * Exits that rest at IB with the entry (a bracket): each level is an absolute price, or a distance from the entry
 * price — points, ticks of the contract, or a percent of it. The entry is the alert's limit (or stop) price, else,
 * for a market order, IB's reference price as the risk rules see it.
 */
const distance = {
  price: NumberLike('Absolute price', 15100),
  offset: NumberLike('Points from the entry price (always positive; the side follows the direction)', 20),
  ticks: NumberLike('Ticks of the contract from the entry price', 8),
  percent: NumberLike('Percent of the entry price', 1.5),
};
const oneOf = <K extends keyof typeof distance>(key: K) => Type.Object({ [key]: distance[key] } as Pick<typeof distance, K>,
  { additionalProperties: false });

export const EXIT_LEVEL_KINDS = ['price', 'offset', 'ticks', 'percent'] as const;
export type ExitLevelKind = (typeof EXIT_LEVEL_KINDS)[number];

export const TakeProfit = Type.Union([NumberLike('Absolute price', 15100), oneOf('price'), oneOf('offset'), oneOf('ticks'), oneOf('percent')], {
  description: 'Take-profit: a limit order resting at IB once the entry fills. A price, or { price } | { offset } | { ticks } | { percent }',
  examples: [15100, { offset: 20 }, { ticks: 40 }, { percent: 1 }],
});

const limitOffset = NumberLike('Makes the stop a stop-limit: the limit is this many points beyond the stop', 2);
export const StopLoss = Type.Union([
  NumberLike('Absolute stop price', 14950),
  ...EXIT_LEVEL_KINDS.map((key) => Type.Object({ [key]: distance[key], limitOffset: Type.Optional(limitOffset) }, { additionalProperties: false })),
], {
  description: 'Stop-loss: a stop order resting at IB once the entry fills. A price, or { price } | { offset } | { ticks } | { percent }, ' +
    'each with an optional limitOffset for a stop-limit',
  examples: [14950, { offset: 10 }, { ticks: 40, limitOffset: 1 }],
});

export const TrailingStop = Type.Union([
  Type.Object({ amount: NumberLike('Trailing distance in points', 10) }, { additionalProperties: false }),
  Type.Object({ percent: NumberLike('Trailing distance in percent of the price', 0.5) }, { additionalProperties: false }),
], { description: 'A trailing stop (IB TRAIL) resting at IB once the entry fills; instead of stopLoss', examples: [{ amount: 10 }, { percent: 0.5 }] });

/** The exit fields of the webhook payload. */
export const EXIT_FIELDS = {
  takeProfit: Type.Optional(TakeProfit),
  stopLoss: Type.Optional(StopLoss),
  trailingStop: Type.Optional(TrailingStop),
  outsideRth: Type.Optional(Type.Boolean({ description: 'Allow the entry and its exits to trigger and fill outside regular trading hours' })),
};

const decimal = (description: string) => Type.String({ description, examples: ['20'] });

/** One level as stored on the alert (alerts.exits): which distance, as an exact decimal string. */
export const ExitLevel = Type.Object({
  kind: Type.Union(EXIT_LEVEL_KINDS.map((k) => Type.Literal(k))),
  value: decimal('The price, points, ticks or percent, exactly as sent'),
});
export type ExitLevel = Static<typeof ExitLevel>;

/** The exits of an alert as validated and stored (alerts.exits) and shown with the alert. */
export const AlertExits = Type.Object({
  takeProfit: Type.Optional(ExitLevel),
  stopLoss: Type.Optional(Type.Composite([ExitLevel, Type.Object({ limitOffset: Type.Optional(decimal('Stop-limit: points beyond the stop')) })])),
  trailingStop: Type.Optional(Type.Object({ kind: Type.Union([Type.Literal('amount'), Type.Literal('percent')]), value: decimal('Points or percent') })),
  outsideRth: Type.Optional(Type.Boolean()),
}, { title: 'Exits asked for', description: 'What the alert asked for; the orders placed for them are order.exits' });
export type AlertExits = Static<typeof AlertExits>;

/** The payload of a bracket as the docs show it. */
export const BRACKET_PAYLOAD_EXAMPLE = {
  stratName: 'Strat Alpha', exchange: 'CME_MINI', symbol: 'ES1!', price: 5000.25, direction: 'BUY', quantity: 1,
  takeProfit: { offset: 20 }, stopLoss: { ticks: 40 }, secmgs: 'your_secret_message',
} as const;

export type TakeProfit = Static<typeof TakeProfit>;
export type StopLoss = Static<typeof StopLoss>;
export type TrailingStop = Static<typeof TrailingStop>;
