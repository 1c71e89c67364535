import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Timestamp } from './common';

export const IB_STATES = ['disconnected', 'connecting', 'reconciling', 'connected'] as const;
export const IbConnection = Type.Object(
  {
    mode: Type.Union([Type.Literal('simulator'), Type.Literal('paper'), Type.Literal('live')]),
    state: Type.Union(IB_STATES.map((s) => Type.Literal(s))),
    since: Timestamp('When the state last changed'),
    reason: Nullable(Type.String({ description: 'Why it is not connected' })),
    host: Type.String(),
    port: Type.Integer(),
    clientId: Type.Integer(),
    account: Nullable(Type.String()),
  },
  { title: 'IB connection' },
);
export type IbConnection = Static<typeof IbConnection>;

export const Health = Type.Object({ status: Type.Literal('ok') });

const Count = Type.Integer({ minimum: 0 });
export const TodayCounts = Type.Object({
  accepted: Count,
  rejected: Count,
  duplicate: Count,
  orders: Count,
  fills: Count,
});
export type TodayCounts = Static<typeof TodayCounts>;

export const Status = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
    version: Type.String(),
    startedAt: Timestamp('Process start'),
    uptimeSeconds: Type.Number(),
    database: Type.Object({
      reachable: Type.Boolean(),
      embedded: Type.Boolean(),
      latencyMs: Nullable(Type.Number()),
      error: Nullable(Type.String()),
    }),
    ib: IbConnection,
    dispatch: Type.Object({ pending: Count, killSwitch: Type.Boolean() }),
    today: Nullable(TodayCounts),
    webhookUrl: Type.String({ description: 'The URL to paste into TradingView' }),
  },
  { title: 'Service status' },
);
export type Status = Static<typeof Status>;
