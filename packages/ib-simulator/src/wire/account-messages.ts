/**
 * Positions, account values and P&L on the wire, in the order IB's decoder (EDecoder / decoder.py) reads them; none
 * of these change shape between server versions 166 and 193.
 *   ACCT_VALUE 6:                6, version 2, key, value, currency, accountName
 *   PORTFOLIO_VALUE 7:           7, version 8, conId, symbol, secType, lastTradeDate, strike, right, multiplier,
 *                                primaryExchange, currency, localSymbol, tradingClass, position, marketPrice, marketValue,
 *                                averageCost, unrealizedPNL, realizedPNL, accountName
 *   ACCT_UPDATE_TIME 8:          8, version 1, "HH:MM"
 *   ACCT_DOWNLOAD_END 54:        54, version 1, accountName
 *   ACCOUNT_SUMMARY 63:          63, version 1, reqId, account, tag, value, currency
 *   ACCOUNT_SUMMARY_END 64:      64, version 1, reqId
 *   ACCOUNT_UPDATE_MULTI 73:     73, version 1, reqId, account, modelCode, key, value, currency
 *   ACCOUNT_UPDATE_MULTI_END 74: 74, version 1, reqId
 *   PNL 94:                      94, reqId, dailyPnL, unrealizedPnL, realizedPnL (no version field)
 *   PNL_SINGLE 95:               95, reqId, pos, dailyPnL, unrealizedPnL, realizedPnL, value (no version field)
 */
import type { ValuedPosition } from '../engine/account-book';
import { readInt, requireField } from './client-requests';
import { contractFields } from './contract-fields';
import { decimal, double, type Field, int } from './format';
import { Outgoing } from './message-ids';

export function accountValue(key: string, value: string, currency: string, account: string): Field[] {
  return [int(Outgoing.ACCT_VALUE), '2', key, value, currency, account];
}

export function portfolioValue(position: ValuedPosition): Field[] {
  return [
    int(Outgoing.PORTFOLIO_VALUE), '8',
    ...contractFields(position.order, position.order.primaryExchange),
    decimal(position.quantity), double(position.marketPrice), double(position.marketValue), double(position.avgCost),
    double(position.unrealizedPnl), double(position.realizedPnl), position.account,
  ];
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** TWS writes the time of the last account update as local "HH:MM"; the simulator's clock is UTC. */
export function accountUpdateTime(nowMs: number): Field[] {
  const d = new Date(nowMs);
  return [int(Outgoing.ACCT_UPDATE_TIME), '1', `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`];
}

export function accountDownloadEnd(account: string): Field[] {
  return [int(Outgoing.ACCT_DOWNLOAD_END), '1', account];
}

export function accountSummary(reqId: number, account: string, tag: string, value: string, currency: string): Field[] {
  return [int(Outgoing.ACCOUNT_SUMMARY), '1', int(reqId), account, tag, value, currency];
}

export function accountSummaryEnd(reqId: number): Field[] {
  return [int(Outgoing.ACCOUNT_SUMMARY_END), '1', int(reqId)];
}

export function accountUpdateMulti(reqId: number, account: string, modelCode: string, key: string, value: string, currency: string): Field[] {
  return [int(Outgoing.ACCOUNT_UPDATE_MULTI), '1', int(reqId), account, modelCode, key, value, currency];
}

export function accountUpdateMultiEnd(reqId: number): Field[] {
  return [int(Outgoing.ACCOUNT_UPDATE_MULTI_END), '1', int(reqId)];
}

export interface PnlFigures {
  dailyPnl: number;
  unrealizedPnl: number;
  realizedPnl: number;
}

export function pnl(reqId: number, figures: PnlFigures): Field[] {
  return [int(Outgoing.PNL), int(reqId), double(figures.dailyPnl), double(figures.unrealizedPnl), double(figures.realizedPnl)];
}

export function pnlSingle(reqId: number, position: number, figures: PnlFigures, value: number): Field[] {
  return [
    int(Outgoing.PNL_SINGLE), int(reqId), decimal(position),
    double(figures.dailyPnl), double(figures.unrealizedPnl), double(figures.realizedPnl), double(value),
  ];
}

const text = (fields: readonly string[], index: number, name: string) => requireField(fields, index, name);

/** REQ_ACCT_DATA: 6, version 2, subscribe, acctCode. */
export function parseReqAcctData(fields: readonly string[]): { subscribe: boolean; account: string } {
  return { subscribe: readInt(fields, 2, 'subscribe') !== 0, account: text(fields, 3, 'acctCode') };
}

/** REQ_ACCOUNT_SUMMARY: 62, version 1, reqId, group, tags (comma-separated). */
export function parseReqAccountSummary(fields: readonly string[]): { reqId: number; group: string; tags: string[] } {
  const tags = text(fields, 4, 'tags').split(',').map((t) => t.trim()).filter(Boolean);
  return { reqId: readInt(fields, 2, 'reqId'), group: text(fields, 3, 'group'), tags };
}

/** REQ_ACCOUNT_UPDATES_MULTI: 76, version, reqId, account, modelCode, ledgerAndNLV. */
export function parseReqAccountUpdatesMulti(fields: readonly string[]) {
  return {
    reqId: readInt(fields, 2, 'reqId'),
    account: text(fields, 3, 'account'),
    modelCode: text(fields, 4, 'modelCode'),
    ledgerAndNlv: readInt(fields, 5, 'ledgerAndNLV') !== 0,
  };
}

/** REQ_PNL: 92, reqId, account, modelCode (no version field). */
export function parseReqPnl(fields: readonly string[]): { reqId: number; account: string } {
  return { reqId: readInt(fields, 1, 'reqId'), account: text(fields, 2, 'account') };
}

/** REQ_PNL_SINGLE: 94, reqId, account, modelCode, conId (no version field). */
export function parseReqPnlSingle(fields: readonly string[]): { reqId: number; account: string; conId: number } {
  return { reqId: readInt(fields, 1, 'reqId'), account: text(fields, 2, 'account'), conId: readInt(fields, 4, 'conId') };
}

/** The cancels: CANCEL_ACCOUNT_SUMMARY 63 and CANCEL_ACCOUNT_UPDATES_MULTI 77 carry a version before the id, the PnL ones do not. */
export function parseCancelId(fields: readonly string[], versioned: boolean): number {
  return readInt(fields, versioned ? 2 : 1, 'reqId');
}
