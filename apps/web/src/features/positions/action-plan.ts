import type { StrategyPosition } from '@tradehook/contracts';
import { formatDecimal } from '../../lib/numbers';
import { contractName, strategiesQuantity, type ContractGroup } from './contract-groups';

/** What an admin may do from the positions page. */
export type PositionAction =
  | { kind: 'flatten-strategy'; group: ContractGroup; position: StrategyPosition }
  | { kind: 'flatten-contract'; group: ContractGroup }
  | { kind: 'sync'; group: ContractGroup }
  | { kind: 'flatten-all'; groups: ContractGroup[] };

export interface ActionRequest {
  path: string;
  body: Record<string, unknown>;
}

/** The strategy name IB-level orders (a sync, a contract's remainder) are recorded under by the API. */
export const ADMIN_STRATEGY = 'Tradehook admin';

const qty = (value: string | number) => formatDecimal(String(Math.abs(Number(value))));

/** The order that takes a signed quantity to flat: "SELL 10" for a long 10, "BUY 2" for a short 2. */
export function closingOrder(quantity: string | number): string {
  const q = Number(quantity);
  if (q === 0) return 'nothing (already flat)';
  return `${q > 0 ? 'SELL' : 'BUY'} ${qty(q)}`;
}

const ibQuantity = (group: ContractGroup) => group.ib?.quantity ?? strategiesQuantity(group);

/**
 * The request an action sends. Each carries the figure the screen showed (`expected`): if the position has moved
 * since, the API refuses (409) instead of acting on something the admin did not see.
 */
export function actionRequest(action: PositionAction): ActionRequest {
  switch (action.kind) {
    case 'flatten-strategy': {
      const { position } = action;
      return {
        path: '/api/admin/positions/flatten-strategy',
        body: { strategy: position.strategy, account: position.account, conId: action.group.conId, expected: position.quantity },
      };
    }
    case 'flatten-contract':
      return {
        path: '/api/admin/positions/flatten-contract',
        body: { account: action.group.account, conId: action.group.conId, expected: ibQuantity(action.group) },
      };
    case 'sync':
      return {
        path: '/api/admin/positions/sync',
        body: { account: action.group.account, conId: action.group.conId, expected: action.group.drift?.difference },
      };
    case 'flatten-all':
      return { path: '/api/admin/positions/flatten-all', body: { confirm: true } };
  }
}

/** A one-line title for the confirmation. */
export function actionTitle(action: PositionAction): string {
  switch (action.kind) {
    case 'flatten-strategy': return `Flatten ${action.position.strategy} in ${contractName(action.group.contract)}?`;
    case 'flatten-contract': return `Flatten ${contractName(action.group.contract)} at IB?`;
    case 'sync': return `Sync ${contractName(action.group.contract)} to the strategies?`;
    case 'flatten-all': return 'Flatten everything?';
  }
}

/** Each alert the action sends, in words: who sends it and the order it becomes, against the figures on screen. */
export function actionAlerts(action: PositionAction): string[] {
  switch (action.kind) {
    case 'flatten-strategy':
      return [exitAlert(action.position)];
    case 'flatten-contract':
      return contractAlerts(action.group);
    case 'sync': {
      const drift = action.group.drift;
      if (!drift) return [];
      const order = closingOrder(drift.difference);
      return [`SYNC by ${ADMIN_STRATEGY}: IB holds ${formatDecimal(drift.ibQuantity)}, the strategies ${formatDecimal(drift.strategiesQuantity)} — ${order} at market, bringing IB to the strategies' sum.`];
    }
    case 'flatten-all':
      return action.groups.map((g) =>
        `${contractName(g.contract)} (${g.account}): ${contractAlerts(g).length} alert(s) — ${closingOrder(ibQuantity(g))} in all, IB to flat.`);
  }
}

/** An exit closes the filled position; the strategy's working orders there are cancelled first (they are not fills). */
function exitAlert(position: StrategyPosition): string {
  const cancels = Number(position.working) !== 0 ? ` after cancelling its working orders (${formatDecimal(position.working)})` : '';
  return `EXIT for ${position.strategy}: ${closingOrder(position.quantity)} at market${cancels}, closing its ${formatDecimal(position.quantity)}.`;
}

/** Tradehook's working orders in the contract are cancelled, every strategy holding it exits, then a sync takes IB to flat. */
function contractAlerts(group: ContractGroup): string[] {
  const working = group.strategies.some((s) => Number(s.working) !== 0)
    ? [`CANCEL by ${ADMIN_STRATEGY}: every working order in ${contractName(group.contract)} is cancelled first.`] : [];
  const exits = [...working, ...group.strategies.filter((s) => Number(s.quantity) !== 0).map(exitAlert)];
  if (!group.ib) return exits;
  const rest = Number(group.ib.quantity) - Number(strategiesQuantity(group));
  const beyond = rest === 0 ? 'no order beyond the exits while IB matches the strategies' : `${closingOrder(rest)} at market beyond the exits`;
  return [...exits, `SYNC by ${ADMIN_STRATEGY}: takes IB's ${formatDecimal(group.ib.quantity)} to flat — ${beyond}.`];
}
