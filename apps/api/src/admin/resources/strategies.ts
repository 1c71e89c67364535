import {
  Strategy, StrategyInput, strategyDisplayName, strategyKey, strategyNameProblem, type StrategyInput as StrategyInputT,
} from '@tradehook/contracts';
import type { DataSource } from 'typeorm';
import {
  generateStrategySecret, hashStrategySecret, lookAlikeProblem, STRATEGY_RULE_COLUMNS, type StrategyRules, type StrategyStore,
} from '../../strategies/strategy-store';
import type { ResourceDefinition } from '../resource';
import { deleteRow, insertRow, RequestError, updateRow } from '../row-writer';

const STRATEGY_COLUMNS = {
  name: 'name', enabled: 'enabled', defaultQuantity: 'default_quantity', maxQuantity: 'max_quantity',
  maxNotional: 'max_notional', allowedSymbols: 'allowed_symbols', tradingWindowStart: 'trading_window_start',
  tradingWindowEnd: 'trading_window_end', timeZone: 'time_zone', defaultOrderType: 'default_order_type',
  positionMode: 'position_mode',
};

function timeZoneProblem(zone: string): string | null {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return null;
  } catch {
    return `timeZone: "${zone}" is not an IANA time zone (e.g. America/New_York)`;
  }
}

const LIMITS = ['defaultQuantity', 'maxQuantity', 'maxNotional'] as const;
const WINDOW = ['tradingWindowStart', 'tradingWindowEnd'] as const;

/**
 * The one place a strategy write is checked beyond its schema, on the strategy as it will be once written
 * (`current` is the stored one, for a partial update). Only the rules whose fields the request sets are checked,
 * so a strategy saved before a rule existed can still be switched off. Throws a 400 naming every offending field.
 */
function checkStrategy(input: Partial<StrategyInputT>, current: StrategyRules | null): void {
  const problems: string[] = [];
  const nameProblem = input.name === undefined ? null : strategyNameProblem(input.name);
  if (nameProblem) problems.push(`name: ${nameProblem}`);
  for (const field of LIMITS) {
    const value: unknown = input[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !/^\d+(\.\d+)?$/.test(value) || !(Number(value) > 0)) {
      problems.push(`${field}: must be a number greater than 0, or empty for none (got ${JSON.stringify(value)})`);
    }
  }
  if (WINDOW.some((field) => input[field] !== undefined)) {
    const start = input.tradingWindowStart !== undefined ? input.tradingWindowStart : current?.tradingWindowStart ?? null;
    const end = input.tradingWindowEnd !== undefined ? input.tradingWindowEnd : current?.tradingWindowEnd ?? null;
    if (Boolean(start) !== Boolean(end)) {
      const missing = start ? 'tradingWindowEnd' : 'tradingWindowStart';
      problems.push(`${missing}: a trading window needs both tradingWindowStart and tradingWindowEnd, or neither`);
    }
  }
  if (input.timeZone !== undefined) {
    const problem = timeZoneProblem(input.timeZone);
    if (problem) problems.push(problem);
  }
  if (problems.length) throw new RequestError(400, `Invalid strategy: ${problems.join('; ')}.`);
}

/**
 * Strategy names are one when their strategyKey is (as alerts are matched), so "risk 1" and "Ｒｉｓｋ　１" are taken once
 * Risk 1 exists; and one that only looks like another's ("Ѕсоре" in Cyrillic next to Scope) is refused, as alerts
 * with it are. Asked of the store's cache (reloaded after every write); the unique name_key settles a race.
 */
function checkNameFree(strategies: StrategyStore, name: string | undefined, id: number | null): void {
  if (name === undefined) return;
  const clash = strategies.get(name);
  if (clash && clash.id !== id) throw nameTaken(clash.name);
  const imitated = strategies.lookingLike(name);
  if (imitated && imitated.id !== id) {
    throw new RequestError(409, `Invalid strategy: name: "${strategyDisplayName(name)}" ${lookAlikeProblem(imitated.name)}.`);
  }
}

const nameTaken = (existing: string) => new RequestError(409,
  `A strategy named "${existing}" already exists: strategy names ignore case, spacing and Unicode form (fullwidth letters…), as alerts are matched.`);

/** The unique index on name_key is the last word when two writes race past checkNameFree. */
async function writingStrategy<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof RequestError && error.statusCode === 409 && name !== undefined) throw nameTaken(strategyDisplayName(name));
    throw error;
  }
}

/** The secret to store for `rotateSecret`, and the one-time answer that shows it. */
function secretChange(rotate: StrategyInputT['rotateSecret']): { fixed: Record<string, unknown>; extra?: { secret: string } } {
  if (!rotate) return { fixed: {} };
  const secret = typeof rotate === 'string' ? rotate : generateStrategySecret();
  return { fixed: { secret_hash: hashStrategySecret(secret) }, extra: { secret } };
}

export function strategiesResource(db: DataSource, strategies: StrategyStore): ResourceDefinition {
  return {
    name: 'strategies',
    from: 'strategies s',
    select: `s.id, s.name, s.enabled, (s.secret_hash IS NOT NULL) AS "hasSecret", s.default_quantity::text AS "defaultQuantity",
      s.max_quantity::text AS "maxQuantity", s.max_notional::text AS "maxNotional", s.allowed_symbols AS "allowedSymbols",
      s.trading_window_start AS "tradingWindowStart", s.trading_window_end AS "tradingWindowEnd", s.time_zone AS "timeZone",
      s.default_order_type AS "defaultOrderType", s.position_mode AS "positionMode", s.created_at AS "createdAt", s.updated_at AS "updatedAt"`,
    fields: { id: 's.id', name: 's.name', enabled: 's.enabled', updatedAt: 's.updated_at' },
    searchable: ['s.name'],
    defaultSort: ['name', 'ASC'],
    record: Strategy,
    input: StrategyInput,
    async create(input: StrategyInputT) {
      checkStrategy(input, null);
      checkNameFree(strategies, input.name, null);
      const { fixed, extra } = secretChange(input.rotateSecret ?? true);
      const id = await writingStrategy(input.name, () =>
        insertRow(db, 'strategies', STRATEGY_COLUMNS, normalized(input), { ...fixed, ...nameKey(input.name) }));
      await strategies.load();
      return { id, extra };
    },
    async update(id, input: Partial<StrategyInputT>) {
      const [current] = await db.query(`SELECT ${STRATEGY_RULE_COLUMNS} FROM strategies WHERE id = $1`, [id]);
      checkStrategy(input, current ?? null);
      checkNameFree(strategies, input.name, id);
      const { fixed, extra } = secretChange(input.rotateSecret);
      await writingStrategy(input.name, () =>
        updateRow(db, 'strategies', STRATEGY_COLUMNS, id, normalized(input), { ...fixed, ...nameKey(input.name) }));
      await strategies.load();
      return { extra };
    },
    async remove(id) {
      await deleteRow(db, 'strategies', id);
      await strategies.load();
    },
  };
}

/** As stored: the name in display form (NFKC, single spaces), allowed symbols upper-cased. */
const normalized = <T extends { name?: string; allowedSymbols?: string[] | null }>(input: T): T => ({
  ...input,
  ...(input.name !== undefined ? { name: strategyDisplayName(input.name) } : {}),
  ...(input.allowedSymbols ? { allowedSymbols: input.allowedSymbols.map((s) => s.trim().toUpperCase()) } : {}),
});


/** The column the database keeps unique, written with every name. */
const nameKey = (name: string | undefined) => (name === undefined ? {} : { name_key: strategyKey(name) });
