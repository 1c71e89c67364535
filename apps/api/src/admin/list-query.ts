import { nulCharacterAt, nulCharacterMessage } from '../common/nul-character';

/** ra-data-simple-rest's list query (sort=["f","ASC"]&range=[0,24]&filter={…}) turned into safe SQL pieces. */
export interface ListRequest {
  sort?: string;
  range?: string;
  filter?: string;
}

export interface ListPlan {
  where: string;
  params: unknown[];
  orderBy: string;
  limit: number;
  offset: number;
}

export class ListQueryError extends Error {}

const parse = (text: string | undefined, what: string): unknown => {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ListQueryError(`${what} must be JSON`);
  }
};

/**
 * Only a field's own entry counts: `constructor`, `__proto__` or `toString` are not fields, whatever `in` says,
 * and must never reach the SQL text.
 */
function fieldOf(fields: Record<string, string>, name: unknown, use: 'sort' | 'filter'): string {
  if (typeof name === 'string' && Object.hasOwn(fields, name)) return fields[name];
  throw new ListQueryError(`cannot ${use} by ${JSON.stringify(name)}: one of ${Object.keys(fields).join(', ')}`);
}

const isPair = (value: unknown): value is [unknown, unknown] => Array.isArray(value) && value.length === 2;

/**
 * `fields` maps each API field to the SQL expression it filters and sorts by; nothing else reaches the SQL text.
 * A filter value that is an array means "any of these" (react-admin's getMany); `q` searches `searchable`.
 */
export function planList(req: ListRequest, fields: Record<string, string>, searchable: string[],
  defaultSort: [string, 'ASC' | 'DESC']): ListPlan {
  const sort = parse(req.sort, 'sort') ?? defaultSort;
  const range = parse(req.range, 'range') ?? [0, 24];
  const filter = parse(req.filter, 'filter') ?? {};
  if (!isPair(sort)) throw new ListQueryError('sort must be ["field", "ASC" | "DESC"]');
  const [sortField, sortOrder] = sort;
  const sortExpr = fieldOf(fields, sortField, 'sort');
  const order = String(sortOrder).toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw new ListQueryError('sort order must be ASC or DESC');
  if (!isPair(range)) throw new ListQueryError('range must be [start, end]');
  const [start, end] = range as [number, number];
  if (![start, end].every(Number.isSafeInteger) || start < 0 || end < start) throw new ListQueryError('range must be [start, end]');
  // react-admin's export asks for 1,000 rows at most; more in one answer only loads the server.
  if (end - start >= 1_000) throw new ListQueryError('range covers at most 1000 rows');
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw new ListQueryError('filter must be a JSON object');
  const nul = nulCharacterAt(filter, 'filter');
  if (nul) throw new ListQueryError(nulCharacterMessage(nul));
  const params: unknown[] = [];
  const conditions: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'q') {
      params.push(`%${String(value)}%`);
      conditions.push(`(${searchable.map((expr) => `${expr}::text ILIKE $${params.length}`).join(' OR ') || 'false'})`);
      continue;
    }
    const expr = fieldOf(fields, key, 'filter');
    params.push(Array.isArray(value) ? value.map(String) : String(value));
    conditions.push(Array.isArray(value) ? `${expr}::text = ANY($${params.length})` : `${expr}::text = $${params.length}`);
  }
  return {
    where: conditions.length ? conditions.join(' AND ') : 'true',
    params,
    orderBy: `${sortExpr} ${order}, ${Object.hasOwn(fields, 'id') ? fields.id : '1'} ${order}`,
    limit: Math.min(end - start + 1, 1000),
    offset: start,
  };
}
