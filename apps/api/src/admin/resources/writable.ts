import {
  ContractMapping, ContractMappingInput, Settings, SettingsInput, Strategy, StrategyInput, User, UserInput,
  type StrategyInput as StrategyInputT, type UserInput as UserInputT,
} from '@tradehook/contracts';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../auth/passwords';
import { allowlistProblems, normalizedAllowlist } from '../../settings/ip-allowlist';
import type { SettingsStore } from '../../settings/settings-store';
import {
  generateStrategySecret, hashStrategySecret, STRATEGY_RULE_COLUMNS, type StrategyRules, type StrategyStore,
} from '../../strategies/strategy-store';
import type { ContractResolver } from '../../orders/contract-resolver';
import type { ResourceDefinition } from '../resource';
import { deleteRow, insertRow, RequestError, updateRow } from '../row-writer';

const STRATEGY_COLUMNS = {
  name: 'name', enabled: 'enabled', defaultQuantity: 'default_quantity', maxQuantity: 'max_quantity',
  maxNotional: 'max_notional', allowedSymbols: 'allowed_symbols', tradingWindowStart: 'trading_window_start',
  tradingWindowEnd: 'trading_window_end', timeZone: 'time_zone', defaultOrderType: 'default_order_type',
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
  if (input.name !== undefined && !input.name.trim()) problems.push('name: must not be blank');
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
 * Strategy names ignore case and surrounding whitespace (as alerts are matched), so "risk1" is taken once Risk1
 * exists. Asked of the store's cache (reloaded after every write); the unique index settles a race.
 */
function checkNameFree(strategies: StrategyStore, name: string | undefined, id: number | null): void {
  if (name === undefined) return;
  const clash = strategies.get(name);
  if (clash && clash.id !== id) throw nameTaken(clash.name);
}

const nameTaken = (existing: string) => new RequestError(409,
  `A strategy named "${existing}" already exists: strategy names ignore case and surrounding spaces, as alerts are matched.`);

/** The unique index on lower(name) is the last word when two writes race past checkNameFree. */
async function writingStrategy<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof RequestError && error.statusCode === 409 && name !== undefined) throw nameTaken(name.trim());
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
      s.default_order_type AS "defaultOrderType", s.created_at AS "createdAt", s.updated_at AS "updatedAt"`,
    fields: { id: 's.id', name: 's.name', enabled: 's.enabled', updatedAt: 's.updated_at' },
    searchable: ['s.name'],
    defaultSort: ['name', 'ASC'],
    record: Strategy,
    input: StrategyInput,
    async create(input: StrategyInputT) {
      checkStrategy(input, null);
      checkNameFree(strategies, input.name, null);
      const { fixed, extra } = secretChange(input.rotateSecret ?? true);
      const id = await writingStrategy(input.name, () => insertRow(db, 'strategies', STRATEGY_COLUMNS, normalized(input), fixed));
      await strategies.load();
      return { id, extra };
    },
    async update(id, input: Partial<StrategyInputT>) {
      const [current] = await db.query(`SELECT ${STRATEGY_RULE_COLUMNS} FROM strategies WHERE id = $1`, [id]);
      checkStrategy(input, current ?? null);
      checkNameFree(strategies, input.name, id);
      const { fixed, extra } = secretChange(input.rotateSecret);
      await writingStrategy(input.name, () => updateRow(db, 'strategies', STRATEGY_COLUMNS, id, normalized(input), fixed));
      await strategies.load();
      return { extra };
    },
    async remove(id) {
      await deleteRow(db, 'strategies', id);
      await strategies.load();
    },
  };
}

/** As stored: the name trimmed (alerts are matched that way), allowed symbols upper-cased. */
const normalized = <T extends { name?: string; allowedSymbols?: string[] | null }>(input: T): T => ({
  ...input,
  ...(input.name !== undefined ? { name: input.name.trim() } : {}),
  ...(input.allowedSymbols ? { allowedSymbols: input.allowedSymbols.map((s) => s.trim().toUpperCase()) } : {}),
});

const MAPPING_COLUMNS = {
  tvSymbol: 'tv_symbol', tvExchange: 'tv_exchange', symbol: 'symbol', secType: 'sec_type', exchange: 'exchange',
  primaryExchange: 'primary_exchange', currency: 'currency', multiplier: 'multiplier', localSymbol: 'local_symbol',
  frontMonth: 'front_month',
};

export function contractMapResource(db: DataSource, contracts: ContractResolver): ResourceDefinition {
  const upper = (input: Record<string, unknown>) => ({
    ...input,
    ...(typeof input.tvSymbol === 'string' ? { tvSymbol: input.tvSymbol.toUpperCase() } : {}),
    ...(typeof input.tvExchange === 'string' ? { tvExchange: input.tvExchange.toUpperCase() } : {}),
  });
  return {
    name: 'contract-map',
    from: 'contract_map m',
    select: `m.id, m.tv_symbol AS "tvSymbol", m.tv_exchange AS "tvExchange", m.symbol, m.sec_type AS "secType", m.exchange,
      m.primary_exchange AS "primaryExchange", m.currency, m.multiplier, m.local_symbol AS "localSymbol",
      m.front_month AS "frontMonth", m.updated_at AS "updatedAt"`,
    fields: { id: 'm.id', tvSymbol: 'm.tv_symbol', tvExchange: 'm.tv_exchange', symbol: 'm.symbol', secType: 'm.sec_type' },
    searchable: ['m.tv_symbol', 'm.symbol', 'm.local_symbol'],
    defaultSort: ['tvSymbol', 'ASC'],
    record: ContractMapping,
    input: ContractMappingInput,
    async create(input: Record<string, unknown>) {
      const id = await insertRow(db, 'contract_map', MAPPING_COLUMNS, upper(input));
      contracts.invalidate();
      return { id };
    },
    async update(id, input: Record<string, unknown>) {
      await updateRow(db, 'contract_map', MAPPING_COLUMNS, id, upper(input));
      contracts.invalidate();
    },
    async remove(id) {
      await deleteRow(db, 'contract_map', id);
      contracts.invalidate();
    },
  };
}

export function usersResource(db: DataSource): ResourceDefinition {
  const columns = { username: 'username', role: 'role' };
  const passwordOf = async (input: Partial<UserInputT>) => (input.password ? { password_hash: await hashPassword(input.password) } : {});
  return {
    name: 'users',
    from: 'users u',
    select: `u.id, u.username, u.role, u.created_at AS "createdAt", u.last_login_at AS "lastLoginAt"`,
    fields: { id: 'u.id', username: 'u.username', role: 'u.role' },
    searchable: ['u.username'],
    defaultSort: ['username', 'ASC'],
    record: User,
    input: UserInput,
    adminOnly: true,
    async create(input: UserInputT) {
      if (!input.password) throw new RequestError(400, 'password is required for a new user');
      return { id: await insertRow(db, 'users', columns, input, await passwordOf(input)) };
    },
    async update(id, input: Partial<UserInputT>, ctx) {
      if (id === ctx.user.id && input.role && input.role !== 'admin') throw new RequestError(409, 'you cannot demote yourself');
      await updateRow(db, 'users', columns, id, input, await passwordOf(input));
      if (input.password) await db.query('DELETE FROM sessions WHERE user_id = $1', [id]);
    },
    async remove(id, ctx) {
      if (id === ctx.user.id) throw new RequestError(409, 'you cannot delete yourself');
      await deleteRow(db, 'users', id);
    },
  };
}

export function settingsResource(settings: SettingsStore): ResourceDefinition {
  return {
    name: 'settings',
    from: 'settings s',
    select: 's.id',
    fetch: async (id) => (id === 1 ? settings.load() : null),
    fields: { id: 's.id' },
    searchable: [],
    defaultSort: ['id', 'ASC'],
    record: Settings,
    input: SettingsInput,
    async update(_id, input: SettingsInput) {
      if (input.ipAllowlist) {
        const problems = allowlistProblems(input.ipAllowlist);
        if (problems.length) {
          throw new RequestError(400, `ipAllowlist: ${problems.join('; ')}. Use single addresses (52.89.214.238, ::1) `
            + 'or CIDR ranges (10.0.0.0/8).');
        }
        input = { ...input, ipAllowlist: normalizedAllowlist(input.ipAllowlist) };
      }
      await settings.update(input);
    },
  };
}
