/**
 * Contract details on the wire: the client's REQ_CONTRACT_DATA and TWS's CONTRACT_DATA / CONTRACT_DATA_END, laid out
 * as IB's decoder (processContractDataMsg) reads them per server version:
 *   REQ_CONTRACT_DATA 9: 9, version 8, reqId, conId, symbol, secType, lastTradeDate, strike, right, multiplier,
 *     exchange, primaryExch, currency, localSymbol, tradingClass, includeExpired, secIdType, secId[, issuerId ≥ 176]
 *   CONTRACT_DATA 10: 10, [version 8 below 164], reqId, symbol, secType, lastTradeDateOrContractMonth,
 *     [lastTradeDate ≥ 182], strike, right, exchange, currency, localSymbol, marketName, tradingClass, conId, minTick,
 *     [mdSizeMultiplier 110–163], multiplier, orderTypes, validExchanges, priceMagnifier, underConId, longName,
 *     primaryExchange, contractMonth, industry, category, subcategory, timeZoneId, tradingHours, liquidHours, evRule,
 *     evMultiplier, secIdList count, aggGroup, underSymbol, underSecType, marketRuleIds, realExpirationDate, [stockType ≥ 152],
 *     [sizeMinTick at 163], [minSize, sizeIncrement, suggestedSizeIncrement ≥ 164], [ineligibility count ≥ 186]
 *   CONTRACT_DATA_END 52: 52, version 1, reqId
 * No FUND contracts are listed, so the fund block (≥ 179, secType FUND only) is never written.
 */
import { readInt, readRequestedContract, type RequestedContract } from './client-requests';
import { decimal, double, type Field, int } from './format';
import { Outgoing } from './message-ids';

export const ContractVersion = {
  STOCK_TYPE: 152,
  FRACTIONAL_SIZE_SUPPORT: 163,
  SIZE_RULES: 164,
  LAST_TRADE_DATE: 182,
  INELIGIBILITY_REASONS: 186,
} as const;

export interface ContractDetailsRequest extends RequestedContract {
  reqId: number;
}

export function parseReqContractData(fields: readonly string[]): ContractDetailsRequest {
  return { reqId: readInt(fields, 2, 'reqId'), ...readRequestedContract(fields) };
}

export interface ContractDetails {
  conId: number;
  symbol: string;
  secType: string;
  /** YYYYMMDD for a future, '' otherwise. */
  lastTradeDate: string;
  exchange: string;
  primaryExchange: string;
  currency: string;
  localSymbol: string;
  tradingClass: string;
  minTick: number;
  multiplier: string;
  orderTypes: string;
  validExchanges: string;
  longName: string;
  contractMonth: string;
  timeZoneId: string;
  tradingHours: string;
  liquidHours: string;
  stockType: string;
}

export function contractData(serverVersion: number, reqId: number, d: ContractDetails): Field[] {
  const sv = serverVersion;
  const below = (version: number, fields: Field[]) => (sv < version ? fields : []);
  const from = (version: number, fields: Field[]) => (sv >= version ? fields : []);
  return [
    int(Outgoing.CONTRACT_DATA),
    ...below(ContractVersion.SIZE_RULES, ['8']),
    int(reqId),
    d.symbol,
    d.secType,
    d.lastTradeDate,
    ...from(ContractVersion.LAST_TRADE_DATE, [d.lastTradeDate]),
    '0', // strike
    '', // right
    d.exchange,
    d.currency,
    d.localSymbol,
    d.tradingClass, // marketName
    d.tradingClass,
    int(d.conId),
    double(d.minTick),
    ...below(ContractVersion.SIZE_RULES, ['1']), // mdSizeMultiplier (every supported version is ≥ 110)
    d.multiplier,
    d.orderTypes,
    d.validExchanges,
    '1', // priceMagnifier
    '0', // underConId
    d.longName,
    d.primaryExchange,
    d.contractMonth,
    '', '', '', // industry, category, subcategory
    d.timeZoneId,
    d.tradingHours,
    d.liquidHours,
    '', '0', // evRule, evMultiplier
    '0', // secIdList count
    '1', // aggGroup
    d.secType === 'FUT' ? d.symbol : '', // underSymbol
    d.secType === 'FUT' ? 'IND' : '', // underSecType
    '', // marketRuleIds
    d.lastTradeDate, // realExpirationDate
    ...from(ContractVersion.STOCK_TYPE, [d.stockType]),
    ...(sv === ContractVersion.FRACTIONAL_SIZE_SUPPORT ? [decimal(1)] : []), // sizeMinTick
    ...from(ContractVersion.SIZE_RULES, [decimal(1), decimal(1), decimal(1)]), // minSize, sizeIncrement, suggestedSizeIncrement
    ...from(ContractVersion.INELIGIBILITY_REASONS, ['0']),
  ];
}

export function contractDataEnd(reqId: number): Field[] {
  return [int(Outgoing.CONTRACT_DATA_END), '1', int(reqId)];
}
