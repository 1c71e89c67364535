import { Type, type Static } from '@sinclair/typebox';

/** Server-Sent Events on /api/events: the `event:` field is the type, `data:` is this JSON. */
export const EVENT_TYPES = ['alert', 'order', 'execution', 'connection', 'settings', 'position', 'drift', 'account'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const LiveEvent = Type.Object(
  {
    type: Type.Union(EVENT_TYPES.map((t) => Type.Literal(t))),
    id: Type.Union([Type.Integer(), Type.String()], { description: 'alert/order id, execId, the connection state, 1 for the settings, account:conId for a position or drift, the account id for account values' }),
    status: Type.Optional(Type.String()),
    at: Type.String({ format: 'date-time' }),
  },
  { title: 'Live event' },
);
export type LiveEvent = Static<typeof LiveEvent>;
