import type { Settings, UnknownStrategyPolicy } from '@tradehook/contracts';
import type { ContractSpec } from '../ib/ib-types';
import { lookAlikeProblem, type StrategyRules, type StrategyStore } from '../strategies/strategy-store';
import { knownFuturesMultiplier } from './futures-multipliers';
import type { StrategyDefaults } from './order-builder';
import type { PendingAlert } from './pending-alert';
import { notionalPrice, priceBandProblem, type ReferencePrice, type ReferencePrices } from './reference-price';
import { insideTradingWindow } from './trading-window';

/** `reference`: IB's price the rules judged the alert by (a bracket on a market entry measures its exits from it). */
export type RiskVerdict = { ok: true; defaults: StrategyDefaults; reference?: ReferencePrice } | { ok: false; reason: string };

/** Decides, just before placing, whether an alert may trade (as this contract), and with which strategy defaults. */
export type RiskCheck = (alert: PendingAlert, contract: ContractSpec) => Promise<RiskVerdict>;

/** What the rules know about the instrument beyond the alert. */
export interface Instrument {
  contract: ContractSpec;
  /** IB's price for it (market data, else the last fill), never the alert's own word. */
  reference: ReferencePrice;
}

const refuse = (rule: string, detail: string): RiskVerdict => ({ ok: false, reason: `Refused by rule "${rule}": ${detail}` });

/**
 * Pure: the trading rules, in the order a trader would look for them. An unknown strategy trades only under the
 * policy `allow` (riskCheck turns `auto` into `allow` while no strategy is configured), and within the global limits.
 */
export function evaluateRisk(alert: PendingAlert, settings: Settings, strategy: StrategyRules | undefined, instrument: Instrument,
  now = new Date()): RiskVerdict {
  if (settings.killSwitch) return refuse('kill switch', 'trading is halted');
  if (!strategy) {
    if (settings.unknownStrategyPolicy !== 'allow') {
      return refuse('unknown strategy', `"${alert.strategy}" is not configured, ${UNKNOWN_REFUSED[settings.unknownStrategyPolicy]}`);
    }
    return globalLimitRefusal(alert, Number(alert.quantity ?? '1'), settings, instrument)
      ?? { ok: true, defaults: { quantity: null, orderType: null } };
  }
  if (!strategy.enabled) return refuse('strategy disabled', `"${strategy.name}" is disabled`);
  if (strategy.allowedSymbols?.length && !strategy.allowedSymbols.map((s) => s.toUpperCase()).includes(alert.symbol)) {
    return refuse('symbol not allowed', `${alert.symbol} is not in ${strategy.allowedSymbols.join(', ')}`);
  }
  const quantity = Number(alert.quantity ?? strategy.defaultQuantity ?? '1');
  if (strategy.maxQuantity !== null && quantity > Number(strategy.maxQuantity)) {
    return refuse('max quantity', `${quantity} > ${strategy.maxQuantity}`);
  }
  if (strategy.maxNotional !== null) {
    const problem = notionalProblem(alert, quantity, Number(strategy.maxNotional), instrument);
    if (problem) return refuse('max notional', problem);
  }
  const beyondGlobal = globalLimitRefusal(alert, quantity, settings, instrument); // after the strategy's own, more specific limits
  if (beyondGlobal) return beyondGlobal;
  if (!insideTradingWindow(now, strategy)) {
    return refuse('trading window', `outside ${strategy.tradingWindowStart}–${strategy.tradingWindowEnd} ${strategy.timeZone}`);
  }
  return { ok: true, defaults: { quantity: strategy.defaultQuantity, orderType: strategy.defaultOrderType } };
}

const UNKNOWN_REFUSED: Record<Exclude<UnknownStrategyPolicy, 'allow'>, string> = {
  auto: 'and unknown strategies are refused once any strategy is configured (settings)',
  refuse: 'and the settings refuse unknown strategies',
};

/** The limits every order obeys, whatever its strategy (settings: global max quantity and notional). */
function globalLimitRefusal(alert: PendingAlert, quantity: number, settings: Settings, instrument: Instrument): RiskVerdict | null {
  if (quantity > settings.globalMaxQuantity) return refuse('global max quantity', `${quantity} > ${settings.globalMaxQuantity}`);
  const problem = notionalProblem(alert, quantity, settings.globalMaxNotional, instrument);
  return problem ? refuse('global max notional', problem) : null;
}

/**
 * Quantity × price × multiplier against the limit. The price is IB's reference price — or a higher price the alert
 * states, such as a limit — so an alert claiming price 0.0001 does not pass, and without a reference the order is
 * refused. A future's multiplier comes from the contract map or the known list, and without one the order is refused
 * rather than guessed.
 */
function notionalProblem(alert: PendingAlert, quantity: number, max: number, { contract, reference }: Instrument): string | null {
  const multiplier = contract.multiplier !== null ? Number(contract.multiplier)
    : contract.secType === 'FUT' ? knownFuturesMultiplier(contract.symbol) : 1;
  const name = contract.localSymbol ?? contract.symbol;
  if (multiplier === null || !(multiplier > 0)) {
    return `cannot be checked: the multiplier of ${name} (${contract.secType}) is unknown — set it in the contract map`;
  }
  if (reference.price === null) return `cannot be checked: no reference price for ${name} — ${reference.source}`;
  const { price, stated } = notionalPrice(alert, reference.price);
  const notional = quantity * price * multiplier;
  if (notional <= max) return null;
  const at = stated ? `${price} (the alert's ${stated})` : `${price} (${reference.source})`;
  return `${quantity} × ${at}${multiplier === 1 ? '' : ` × ${multiplier}`} = ${notional} > ${max}`;
}

export function riskCheck(settings: () => Settings, strategies: Pick<StrategyStore, 'get' | 'size' | 'lookingLike'>,
  referencePrice: ReferencePrices): RiskCheck {
  return async (alert, contract) => {
    const reference = await referencePrice(contract);
    const current = settings();
    // An admin action (flatten, sync) is an admin's decision, not a strategy's signal: the kill switch, the global
    // limits and the price rules apply, not the strategy's own (a disabled strategy's position can still be closed).
    const admin = Boolean(alert.signal?.action);
    const policy = admin ? { ...current, unknownStrategyPolicy: 'allow' as const } : withUnknownPolicyResolved(current, strategies.size);
    const strategy = admin ? undefined : strategies.get(alert.strategy);
    const imitated = strategy || admin ? undefined : strategies.lookingLike(alert.strategy);
    // Whatever the policy (the kill switch still speaks first): a name passing for a configured strategy never trades.
    if (imitated && !current.killSwitch) return lookAlikeRefusal(alert.strategy, imitated.name);
    const verdict = evaluateRisk(alert, policy, strategy, { contract, reference });
    // Last: every other rule names a limit the trader set; this one says the alert's price itself is not believable.
    const offBand = verdict.ok ? priceBandProblem(alert, current.priceBandPercent, reference) : null;
    if (offBand) return refuse('price band', offBand);
    return verdict.ok ? { ...verdict, reference } : verdict;
  };
}

const lookAlikeRefusal = (name: string, configured: string) => refuse('look-alike strategy name', `"${name}" ${lookAlikeProblem(configured)}`);

/** `auto`: unknown strategies trade while none is configured (a fresh install, the original payload), and not after. */
const withUnknownPolicyResolved = (settings: Settings, configured: number): Settings =>
  settings.unknownStrategyPolicy === 'auto' && configured === 0 ? { ...settings, unknownStrategyPolicy: 'allow' } : settings;
