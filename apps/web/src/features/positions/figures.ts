import type { Position } from '@tradehook/contracts';
import { priceDecimals } from '../../lib/numbers';
import type { ContractGroup } from './contract-groups';

/**
 * IB's average cost per unit as a price: IB includes the multiplier for futures and options (ES at 5000 costs
 * 250000), a trader reads the price.
 */
export function ibAveragePrice(position: Position): string {
  const multiplier = Number(position.multiplier ?? 1);
  if (position.secType === 'STK' || position.secType === 'CASH' || !(multiplier > 1)) return position.avgCost;
  return String(Number(position.avgCost) / multiplier);
}

/**
 * The decimals every price of this contract is shown with, from its market price and the strategies' entry prices.
 * IB's average cost is not counted: it includes commissions (190.3077 for a fill at 190), so it is rounded to them
 * (the exact figure on hover).
 */
export function groupPriceDecimals(group: ContractGroup): number {
  const prices = [group.ib?.marketPrice, ...group.strategies.map((s) => s.avgPrice)];
  return priceDecimals(group.contract.secType, prices);
}

/** The strategies' working quantity in the contract (signed), or null when none is working. */
export function workingQuantity(group: ContractGroup): string | null {
  const working = group.strategies.reduce((sum, s) => sum + Number(s.working), 0);
  return working === 0 ? null : String(working);
}
