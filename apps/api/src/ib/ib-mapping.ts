import type { CommissionReport as IbCommission, Contract, Execution, Order, OrderState } from '@stoqey/ib';
import type { CommissionReport, ContractSpec, ExecutionReport, OrderLink, OrderReport, OrderSpec } from './ib-types';

/** IB marks an unset double with Double.MAX_VALUE. */
export function decimalOrNull(n: number | undefined | null): string | null {
  if (n === undefined || n === null || !Number.isFinite(n) || n >= Number.MAX_VALUE) return null;
  return String(n);
}

const EXEC_TIME = /^(\d{4})(\d{2})(\d{2})[\s-]+(\d{2}):(\d{2}):(\d{2})(?:\s+(\S+))?$/;

/** IB execution times look like "20261125  14:30:05", optionally with a zone ("US/Eastern", "UTC"). */
export function parseIbTime(text: string | undefined, fallback = new Date()): Date {
  const m = text?.trim().match(EXEC_TIME);
  if (!m) return fallback;
  const [, y, mo, d, h, mi, s, zone] = m;
  const asUtc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  if (!zone || /^(UTC|GMT|Z)$/i.test(zone)) return new Date(asUtc);
  try {
    return new Date(asUtc - zoneOffsetMs(zone, asUtc));
  } catch {
    return new Date(asUtc);
  }
}

function zoneOffsetMs(zone: string, atUtc: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(atUtc));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - atUtc;
}

export function toExecutionReport(contract: Contract, e: Execution): ExecutionReport | null {
  if (!e.execId || e.permId === undefined) return null;
  return {
    execId: e.execId,
    ibOrderId: e.orderId ?? 0,
    clientId: e.clientId ?? 0,
    permId: e.permId,
    symbol: contract.localSymbol && contract.secType === 'FUT' ? contract.localSymbol : contract.symbol ?? '',
    secType: String(contract.secType ?? ''),
    exchange: e.exchange ?? contract.exchange ?? '',
    currency: contract.currency ?? '',
    side: e.side === 'SLD' || e.side === 'SELL' ? 'SELL' : 'BUY',
    shares: decimalOrNull(e.shares) ?? '0',
    price: decimalOrNull(e.price) ?? '0',
    cumQty: decimalOrNull(e.cumQty) ?? decimalOrNull(e.shares) ?? '0',
    avgPrice: decimalOrNull(e.avgPrice) ?? decimalOrNull(e.price) ?? '0',
    executedAt: parseIbTime(e.time),
    account: e.acctNumber ?? '',
    orderRef: e.orderRef || null,
    conId: contract.conId || null,
    localSymbol: contract.localSymbol || null,
  };
}

export function toCommissionReport(c: IbCommission): CommissionReport | null {
  if (!c.execId) return null;
  return {
    execId: c.execId,
    commission: decimalOrNull(c.commission),
    currency: c.currency || null,
    realizedPnl: decimalOrNull(c.realizedPNL),
  };
}

export function toOrderReport(orderId: number, order: Order, state: OrderState): OrderReport {
  return {
    ibOrderId: orderId,
    clientId: order.clientId ?? null,
    permId: order.permId || null,
    orderRef: order.orderRef || null,
    ibStatus: String(state.status ?? ''),
    filled: decimalOrNull(order.filledQuantity),
    remaining: null,
    avgFillPrice: null,
  };
}

export function toIbContract(c: ContractSpec): Contract {
  return {
    symbol: c.symbol,
    secType: c.secType as Contract['secType'],
    exchange: c.exchange,
    currency: c.currency,
    ...(c.primaryExchange ? { primaryExch: c.primaryExchange } : {}),
    ...(c.localSymbol ? { localSymbol: c.localSymbol } : {}),
    ...(c.multiplier ? { multiplier: Number(c.multiplier) } : {}),
    ...(c.lastTradeDate ? { lastTradeDateOrContractMonth: c.lastTradeDate } : {}),
  };
}

export function toIbOrder(o: OrderSpec, link: OrderLink = { parentIbOrderId: null, transmit: true }): Order {
  return {
    action: o.side as Order['action'],
    totalQuantity: Number(o.quantity),
    orderType: o.orderType as Order['orderType'],
    ...(o.limitPrice !== null ? { lmtPrice: Number(o.limitPrice) } : {}),
    ...(o.stopPrice !== null ? { auxPrice: Number(o.stopPrice) } : {}),
    ...(o.trailingAmount ? { auxPrice: Number(o.trailingAmount) } : {}),
    ...(o.trailingPercent ? { trailingPercent: Number(o.trailingPercent) } : {}),
    ...(o.ocaGroup ? { ocaGroup: o.ocaGroup, ocaType: 1 } : {}),
    ...(o.outsideRth ? { outsideRth: true } : {}),
    ...(link.parentIbOrderId !== null ? { parentId: link.parentIbOrderId } : {}),
    tif: o.tif as Order['tif'],
    orderRef: o.orderRef,
    transmit: link.transmit,
  };
}
