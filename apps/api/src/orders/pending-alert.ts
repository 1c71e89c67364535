import type { AlertDirection, AlertExits } from '@tradehook/contracts';
import type { AlertSignal } from '../positions/signal';

/** An accepted alert waiting for its order: what the dispatcher needs, from memory or from the database. */
export interface PendingAlert {
  id: number;
  receivedAt: Date;
  /** Epoch ms with sub-ms precision, when the alert came straight from ingest (for the wire-latency metric). */
  receivedAtMs?: number;
  strategy: string;
  symbol: string;
  exchange: string | null;
  price: string;
  /** BUY/SELL, or a word the dispatcher turns into one (EXIT, REVERSE, CANCEL; SYNC for an admin sync). */
  direction: AlertDirection | 'SYNC';
  quantity: string | null;
  orderType: string | null;
  limitPrice: string | null;
  stopPrice: string | null;
  tif: string | null;
  secType: string | null;
  currency: string | null;
  /** Position-aware fields or an admin action. */
  signal?: AlertSignal | null;
  /** Exits to rest at IB with the entry (a bracket), and outsideRth. */
  exits?: AlertExits | null;
}

export const PENDING_ALERT_COLUMNS = `id, received_at, strategy, symbol, exchange, price::text AS price, direction,
  quantity::text AS quantity, order_type, limit_price::text AS limit_price, stop_price::text AS stop_price, tif,
  sec_type, currency, signal, exits`;

export function pendingAlertFromRow(r: Record<string, unknown>): PendingAlert {
  return {
    id: r.id as number,
    receivedAt: r.received_at as Date,
    strategy: r.strategy as string,
    symbol: r.symbol as string,
    exchange: r.exchange as string | null,
    price: r.price as string,
    direction: r.direction as AlertDirection,
    quantity: r.quantity as string | null,
    orderType: r.order_type as string | null,
    limitPrice: r.limit_price as string | null,
    stopPrice: r.stop_price as string | null,
    tif: r.tif as string | null,
    secType: r.sec_type as string | null,
    currency: r.currency as string | null,
    signal: (r.signal as AlertSignal | null) ?? null,
    exits: (r.exits as AlertExits | null) ?? null,
  };
}
