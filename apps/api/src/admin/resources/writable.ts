import {
  ContractMapping, ContractMappingInput, Settings, SettingsInput, Strategy, StrategyInput, User, UserInput,
  type StrategyInput as StrategyInputT, type UserInput as UserInputT,
} from '@tradehook/contracts';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../auth/passwords';
import type { SettingsStore } from '../../settings/settings-store';
import { generateStrategySecret, hashStrategySecret, type StrategyStore } from '../../strategies/strategy-store';
import type { ContractResolver } from '../../orders/contract-resolver';
import type { ResourceDefinition } from '../resource';
import { deleteRow, insertRow, RequestError, updateRow } from '../row-writer';

const STRATEGY_COLUMNS = {
  name: 'name', enabled: 'enabled', defaultQuantity: 'default_quantity', maxQuantity: 'max_quantity',
  maxNotional: 'max_notional', allowedSymbols: 'allowed_symbols', tradingWindowStart: 'trading_window_start',
  tradingWindowEnd: 'trading_window_end', timeZone: 'time_zone', defaultOrderType: 'default_order_type',
};

function checkTimeZone(zone: string | undefined): void {
  if (zone === undefined) return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new RequestError(400, `"${zone}" is not an IANA time zone (e.g. America/New_York)`);
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
      checkTimeZone(input.timeZone);
      const { fixed, extra } = secretChange(input.rotateSecret ?? true);
      const id = await insertRow(db, 'strategies', STRATEGY_COLUMNS, upperSymbols(input), fixed);
      await strategies.load();
      return { id, extra };
    },
    async update(id, input: Partial<StrategyInputT>) {
      checkTimeZone(input.timeZone);
      const { fixed, extra } = secretChange(input.rotateSecret);
      await updateRow(db, 'strategies', STRATEGY_COLUMNS, id, upperSymbols(input), fixed);
      await strategies.load();
      return { extra };
    },
    async remove(id) {
      await deleteRow(db, 'strategies', id);
      await strategies.load();
    },
  };
}

const upperSymbols = <T extends { allowedSymbols?: string[] | null }>(input: T): T =>
  input.allowedSymbols ? { ...input, allowedSymbols: input.allowedSymbols.map((s) => s.trim().toUpperCase()) } : input;

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
      await settings.update(input);
    },
  };
}
