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

const parse = <T>(text: string | undefined, fallback: T, what: string): T => {
  if (text === undefined || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ListQueryError(`${what} must be JSON`);
  }
};

/**
 * `fields` maps each API field to the SQL expression it filters and sorts by; nothing else reaches the SQL text.
 * A filter value that is an array means "any of these" (react-admin's getMany); `q` searches `searchable`.
 */
export function planList(req: ListRequest, fields: Record<string, string>, searchable: string[],
  defaultSort: [string, 'ASC' | 'DESC']): ListPlan {
  const [sortField, sortOrder] = parse<[string, string]>(req.sort, defaultSort, 'sort');
  const [start, end] = parse<[number, number]>(req.range, [0, 24], 'range');
  const filter = parse<Record<string, unknown>>(req.filter, {}, 'filter');
  if (!(sortField in fields)) throw new ListQueryError(`cannot sort by "${sortField}"`);
  if (!['ASC', 'DESC'].includes(String(sortOrder).toUpperCase())) throw new ListQueryError('sort order must be ASC or DESC');
  if (![start, end].every(Number.isSafeInteger) || start < 0 || end < start) throw new ListQueryError('range must be [start, end]');
  // react-admin's export asks for 1,000 rows at most; more in one answer only loads the server.
  if (end - start >= 1_000) throw new ListQueryError('range covers at most 1000 rows');
  const params: unknown[] = [];
  const conditions: string[] = [];
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'q') {
      params.push(`%${String(value)}%`);
      conditions.push(`(${searchable.map((expr) => `${expr}::text ILIKE $${params.length}`).join(' OR ') || 'false'})`);
      continue;
    }
    if (!(key in fields)) throw new ListQueryError(`cannot filter by "${key}"`);
    params.push(Array.isArray(value) ? value.map(String) : String(value));
    conditions.push(Array.isArray(value) ? `${fields[key]}::text = ANY($${params.length})` : `${fields[key]}::text = $${params.length}`);
  }
  return {
    where: conditions.length ? conditions.join(' AND ') : 'true',
    params,
    orderBy: `${fields[sortField]} ${String(sortOrder).toUpperCase()}, ${fields.id ?? '1'} ${String(sortOrder).toUpperCase()}`,
    limit: Math.min(end - start + 1, 1000),
    offset: start,
  };
}
