import {
  ContractMapping, ContractMappingInput, Settings, SettingsInput, User, UserInput, type UserInput as UserInputT,
} from '@tradehook/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { keepingAnAdmin } from '../../auth/last-admin';
import { hashPassword } from '../../auth/passwords';
import { allowlistProblems, normalizedAllowlist } from '../../settings/ip-allowlist';
import type { SettingsStore } from '../../settings/settings-store';
import type { ContractResolver } from '../../orders/contract-resolver';
import type { ResourceDefinition } from '../resource';
import { deleteRow, insertRow, RequestError, updateRow } from '../row-writer';

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
      const password = await passwordOf(input);
      const write = async (tx: DataSource | EntityManager) => {
        await updateRow(tx, 'users', columns, id, input, password);
        if (input.password) await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
      };
      await (input.role && input.role !== 'admin' ? keepingAnAdmin(db, 'demote', (admin) => admin.id === id, write) : write(db));
    },
    async remove(id, ctx) {
      if (id === ctx.user.id) throw new RequestError(409, 'you cannot delete yourself');
      await keepingAnAdmin(db, 'delete', (admin) => admin.id === id, (tx) => deleteRow(tx, 'users', id));
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
