import type { Settings } from '@tradehook/contracts';
import type { StrategyRules } from '../strategies/strategy-store';
import type { StrategyDefaults } from './order-builder';
import type { PendingAlert } from './pending-alert';
import { insideTradingWindow } from './trading-window';

export type RiskVerdict = { ok: true; defaults: StrategyDefaults } | { ok: false; reason: string };

/** Decides, just before placing, whether an alert may trade, and with which strategy defaults. */
export type RiskCheck = (alert: PendingAlert) => Promise<RiskVerdict>;

const refuse = (rule: string, detail: string): RiskVerdict => ({ ok: false, reason: `Refused by rule "${rule}": ${detail}` });

/** Pure: the trading rules, in the order a trader would look for them. */
export function evaluateRisk(alert: PendingAlert, settings: Settings, strategy: StrategyRules | undefined, now = new Date()): RiskVerdict {
  if (settings.killSwitch) return refuse('kill switch', 'trading is halted');
  if (!strategy) {
    return settings.unknownStrategyPolicy === 'refuse'
      ? refuse('unknown strategy', `"${alert.strategy}" is not configured`)
      : { ok: true, defaults: { quantity: null, orderType: null } };
  }
  if (!strategy.enabled) return refuse('strategy disabled', `"${strategy.name}" is disabled`);
  if (strategy.allowedSymbols?.length && !strategy.allowedSymbols.map((s) => s.toUpperCase()).includes(alert.symbol)) {
    return refuse('symbol not allowed', `${alert.symbol} is not in ${strategy.allowedSymbols.join(', ')}`);
  }
  const quantity = Number(alert.quantity ?? strategy.defaultQuantity ?? '1');
  if (strategy.maxQuantity !== null && quantity > Number(strategy.maxQuantity)) {
    return refuse('max quantity', `${quantity} > ${strategy.maxQuantity}`);
  }
  const notional = quantity * Math.abs(Number(alert.limitPrice ?? alert.price));
  if (strategy.maxNotional !== null && notional > Number(strategy.maxNotional)) {
    return refuse('max notional', `${notional} > ${strategy.maxNotional}`);
  }
  if (!insideTradingWindow(now, strategy)) {
    return refuse('trading window', `outside ${strategy.tradingWindowStart}–${strategy.tradingWindowEnd} ${strategy.timeZone}`);
  }
  return { ok: true, defaults: { quantity: strategy.defaultQuantity, orderType: strategy.defaultOrderType } };
}

export function riskCheck(settings: () => Settings, strategy: (name: string) => StrategyRules | undefined): RiskCheck {
  return async (alert) => evaluateRisk(alert, settings(), strategy(alert.strategy));
}
