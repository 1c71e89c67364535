import type { Position, PositionDrift, StrategyPosition } from '@tradehook/contracts';

/** The contract fields IB's positions, the strategies' positions and drift all carry. */
export type ContractFields = Pick<Position, 'symbol' | 'localSymbol' | 'secType' | 'exchange' | 'currency' | 'multiplier'>;

/** One contract in one account: what IB holds, what each strategy holds in it, and its drift if any. */
export interface ContractGroup {
  key: string;
  account: string;
  /** IB's contract id; null only for a strategy whose orders have not filled yet. */
  conId: number | null;
  contract: ContractFields;
  ib: Position | null;
  strategies: StrategyPosition[];
  drift: PositionDrift | null;
}

const byConId = (account: string, conId: number) => `${account}:${conId}`;
const byName = (account: string, c: ContractFields) => `${account}:${c.secType}:${c.localSymbol ?? c.symbol}:${c.currency}`;

/**
 * Joins IB's positions, the strategies' positions and drift per (account, contract), by conId; a strategy position
 * without one yet (orders working, no fill) joins the contract of the same name, or stands alone.
 */
export function groupByContract(ib: Position[], strategies: StrategyPosition[], drift: PositionDrift[]): ContractGroup[] {
  const groups = new Map<string, ContractGroup>();
  const named = new Map<string, ContractGroup>();
  const groupFor = (account: string, conId: number | null, contract: ContractFields): ContractGroup => {
    const existing = (conId !== null ? groups.get(byConId(account, conId)) : undefined) ?? named.get(byName(account, contract));
    if (existing) {
      existing.conId ??= conId;
      return existing;
    }
    const key = conId !== null ? byConId(account, conId) : byName(account, contract);
    const { symbol, localSymbol, secType, exchange, currency, multiplier } = contract;
    const group: ContractGroup = {
      key, account, conId, contract: { symbol, localSymbol, secType, exchange, currency, multiplier }, ib: null, strategies: [], drift: null,
    };
    groups.set(key, group);
    named.set(byName(account, contract), group);
    return group;
  };

  for (const p of ib) groupFor(p.account, p.conId, p).ib = p;
  for (const d of drift) groupFor(d.account, d.conId, d).drift = d;
  for (const s of strategies) groupFor(s.account, s.conId, s).strategies.push(s);
  return [...groups.values()].sort((a, b) =>
    contractName(a.contract).localeCompare(contractName(b.contract)) || a.account.localeCompare(b.account));
}

/** How a trader names the contract: ESZ6, AAPL, EUR.USD. */
export function contractName(c: ContractFields): string {
  return c.secType === 'CASH' ? `${c.symbol}.${c.currency}` : c.localSymbol ?? c.symbol;
}

/** The sum of the strategies' positions in a contract, as a decimal string. */
export function strategiesQuantity(group: ContractGroup): string {
  return String(group.strategies.reduce((sum, s) => sum + Number(s.quantity), 0));
}

/** Whether anything is held in it, at IB or by a strategy. */
export function isHeld(group: ContractGroup): boolean {
  return Number(group.ib?.quantity ?? 0) !== 0 || group.strategies.some((s) => Number(s.quantity) !== 0);
}
