/** The part of a contracts (JSON) schema that lists literal values: `const`, or a union of schemas. */
interface LiteralSchema {
  const?: unknown;
  anyOf?: readonly LiteralSchema[];
  [keyword: string]: unknown;
}

export interface Choice {
  id: string;
  name: string;
}

/** SelectInput choices from a list of values, shown as they are (they are the API's words). */
export const choicesOf = (values: readonly string[]): Choice[] => values.map((value) => ({ id: value, name: value }));

/** Every string literal of a contracts schema (unions, nullable and optional included), in order. */
export function literalsOf(schema: LiteralSchema): string[] {
  if (typeof schema.const === 'string') return [schema.const];
  return (schema.anyOf ?? []).flatMap(literalsOf);
}

/** SelectInput choices read from a contracts schema, so a new literal there shows up here. */
export const literalChoices = (schema: LiteralSchema): Choice[] => choicesOf(literalsOf(schema));
