import type { StrategyDefaults } from './order-builder';
import type { PendingAlert } from './pending-alert';

export type RiskVerdict = { ok: true; defaults: StrategyDefaults } | { ok: false; reason: string };

/** Decides, just before placing, whether an alert may trade, and with which strategy defaults. */
export type RiskCheck = (alert: PendingAlert) => Promise<RiskVerdict>;

/** The rules that hold with no configuration: a kill switch read from the environment-backed settings. */
export function baseRiskCheck(killSwitch: () => boolean): RiskCheck {
  return async () =>
    killSwitch()
      ? { ok: false, reason: 'Refused by rule "kill switch": trading is halted' }
      : { ok: true, defaults: { quantity: null, orderType: null } };
}
