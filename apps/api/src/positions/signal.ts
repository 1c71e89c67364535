import type { ContractSpec } from '../ib/ib-types';

/**
 * What an alert says about positions beyond BUY/SELL (alerts.signal, JSON): TradingView's strategy placeholders,
 * when it fired, or the admin action it stands for.
 */
export interface AlertSignal {
  marketPosition?: 'long' | 'flat' | 'short';
  /** Absolute, as {{strategy.market_position_size}}. */
  marketPositionSize?: string;
  prevMarketPosition?: 'long' | 'flat' | 'short';
  prevMarketPositionSize?: string;
  /** Signed, as {{strategy.position_size}}. */
  positionSize?: string;
  /** {{timenow}} as ISO: orders target-mode alerts when they arrive out of order. */
  signalAt?: string;
  /**
   * An admin action (POST /api/admin/positions/…): `sync` moves IB to the strategies' sum and belongs to no strategy;
   * `cancel` (a flatten's first step) cancels every working order of Tradehook in the contract.
   */
  action?: 'flatten' | 'sync' | 'cancel';
  /** For `sync` and `cancel`: the IB position to repair, and the contract to trade it in. */
  account?: string;
  conId?: number;
  contract?: ContractSpec;
}

/** The signed position the alert says the strategy holds after it, or null when it says none. */
export function targetOf(signal: AlertSignal | null): number | null {
  if (!signal) return null;
  if (signal.positionSize !== undefined) return Number(signal.positionSize);
  if (signal.marketPosition === 'flat') return 0;
  if (signal.marketPosition && signal.marketPositionSize !== undefined) {
    return (signal.marketPosition === 'short' ? -1 : 1) * Number(signal.marketPositionSize);
  }
  return null;
}
