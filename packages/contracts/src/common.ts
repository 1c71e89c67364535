import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** An exact decimal, carried as a string so no precision is lost between Postgres and the screen. */
export const Decimal = (description: string) =>
  Type.String({ pattern: '^-?\\d+(\\.\\d+)?$', description, examples: ['15000.5'] });

export const NullableDecimal = (description: string) => Type.Union([Decimal(description), Type.Null()]);

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** ISO-8601 timestamp in UTC. */
export const Timestamp = (description: string) => Type.String({ format: 'date-time', description });

export const Id = Type.Integer({ minimum: 1, description: 'Tradehook row id' });

/**
 * The `:id` of every route. Ids are PostgreSQL bigints, but JavaScript numbers are exact only up to 2^53 - 1: a
 * larger or non-integer id answers 400 here rather than reaching the database (which would overflow: a 500).
 */
export const IdParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Tradehook row id (1 … 2^53 - 1)' }),
});
export type IdParams = Static<typeof IdParams>;

export const Direction = Type.Union([Type.Literal('BUY'), Type.Literal('SELL')], {
  description: 'Order side',
});
export type Direction = Static<typeof Direction>;

export const FieldProblem = Type.Object({
  field: Type.String({ description: 'JSON path of the offending field, e.g. "price"; "" for the whole body' }),
  problem: Type.String({ description: 'What is wrong with it, in plain words' }),
});
export type FieldProblem = Static<typeof FieldProblem>;

export const ErrorResponse = Type.Object(
  {
    error: Type.String({ description: 'Short machine-readable error class', examples: ['invalid_payload'] }),
    message: Type.String({ description: 'What went wrong, for a human' }),
    details: Type.Optional(Type.Array(FieldProblem)),
  },
  { title: 'Error' },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

export const Pagination = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Page size' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0, description: 'Rows to skip' })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ minimum: 0, description: 'Rows matching the filter' }),
  });
