/**
 * The order in which IB's own client reads each message the simulator sends, per negotiated server version,
 * transcribed from IB's published decoder (ibapi/decoder.py and ibapi/orderdecoder.py, the field-based paths of
 * API 10.19+; Java's EDecoder / EOrderDecoder read the same sequence). @stoqey/ib's decoder is not the authority:
 * it ignores the server version in places (completedOrder's faProfile).
 *
 * Reads are typed as IB's `decode(type, fields)`: an int field must parse as an integer, a float as a number, a bool
 * as 0/1 (empty reads as 0 / false). Stricter than IB's client in one way: every field must be consumed (IB's
 * signature-checked handlers refuse a wrong count; its hand-written ones would misread the next message's worth).
 */
import type { Field } from '../../src/wire/format';

const MIN = {
  MODELS_SUPPORT: 103, LAST_LIQUIDITY: 136, WHAT_IF_EXT_FIELDS: 142, SOFT_DOLLAR_TIER: 106, CASH_QTY: 111,
  AUTO_PRICE_FOR_HEDGE: 141, ORDER_CONTAINER: 145, D_PEG_ORDERS: 148, PRICE_MGMT_ALGO: 151, DURATION: 158, POST_TO_ATS: 160,
  AUTO_CANCEL_PARENT: 162, ADVANCED_ORDER_REJECT: 166, PEGBEST_PEGMID_OFFSETS: 170, FA_PROFILE_DESUPPORT: 177,
  PENDING_PRICE_REVISION: 178, CUSTOMER_ACCOUNT: 183, PROFESSIONAL_CUSTOMER: 184, BOND_ACCRUED_INTEREST: 185,
  INCLUDE_OVERNIGHT: 189, CME_TAGGING_FIELDS_IN_OPEN_ORDER: 193, PEGGED_TO_BENCHMARK: 102,
  MD_SIZE_MULTIPLIER: 110, AGG_GROUP: 121, UNDERLYING_INFO: 122, MARKET_RULES: 126, REAL_EXPIRATION_DATE: 134,
  STOCK_TYPE: 152, FRACTIONAL_SIZE_SUPPORT: 163, SIZE_RULES: 164, FUND_DATA_FIELDS: 179, LAST_TRADE_DATE: 182,
  INELIGIBILITY_REASONS: 186,
} as const;
export const FA_PROFILE_DESUPPORT = MIN.FA_PROFILE_DESUPPORT;
/** Completed orders are read with the order-message version unset (Integer.MAX_VALUE): every "version >=" holds. */
const UNSET_INTEGER = 2_147_483_647;

export class Reader {
  private index = 1; // fields[0] is the message id
  constructor(private readonly fields: readonly Field[], readonly serverVersion: number) {}

  private next(what: string): string {
    if (this.index >= this.fields.length) throw new Error(`underrun reading ${what} at field ${this.index}`);
    return this.fields[this.index++];
  }

  str(what = 'str'): string {
    return this.next(what);
  }

  int(what = 'int'): number {
    const text = this.next(what);
    if (text !== '' && !/^-?\d+$/.test(text)) throw new Error(`${what} at field ${this.index - 1} is not an int: "${text}"`);
    return Number(text || 0);
  }

  float(what = 'float'): number {
    const text = this.next(what);
    if (text !== '' && Number.isNaN(Number(text))) throw new Error(`${what} at field ${this.index - 1} is not a float: "${text}"`);
    return Number(text || 0);
  }

  decimal(what = 'decimal'): number {
    return this.float(what);
  }

  bool(what = 'bool'): boolean {
    return this.int(what) !== 0;
  }

  /** A handler bound by signature (HandleInfo(wrap=…)): skips the version, then exactly `count` fields. */
  wrapped(count: number): void {
    if (this.fields.length - 2 !== count) throw new Error(`expected ${count} fields after id and version, got ${this.fields.length - 2}`);
    this.index = this.fields.length;
  }

  end(): void {
    if (this.index !== this.fields.length) throw new Error(`${this.fields.length - this.index} fields left unread (read ${this.index})`);
  }
}

function contract(r: Reader, version: number): void {
  r.int('conId'); r.str('symbol'); r.str('secType'); r.str('lastTradeDate'); r.float('strike'); r.str('right');
  if (version >= 32) r.str('multiplier');
  r.str('exchange'); r.str('currency'); r.str('localSymbol');
  if (version >= 32) r.str('tradingClass');
}

/** OrderDecoder steps shared by openOrder and completedOrder, up to goodAfterTime (without clientId). */
function orderHead(r: Reader, withClientId: boolean): void {
  r.str('action'); r.decimal('totalQuantity'); r.str('orderType'); r.float('lmtPrice'); r.float('auxPrice'); r.str('tif');
  r.str('ocaGroup'); r.str('account'); r.str('openClose'); r.int('origin'); r.str('orderRef');
  if (withClientId) r.int('clientId');
  r.int('permId'); r.bool('outsideRth'); r.bool('hidden'); r.float('discretionaryAmt'); r.str('goodAfterTime');
}

function faParams(r: Reader): void {
  r.str('faGroup'); r.str('faMethod'); r.str('faPercentage');
  if (r.serverVersion < MIN.FA_PROFILE_DESUPPORT) r.str('faProfile');
}

function volOrderParams(r: Reader, readOpenOrderAttribs: boolean): void {
  r.float('volatility'); r.int('volatilityType');
  const deltaNeutralOrderType = r.str('deltaNeutralOrderType');
  r.float('deltaNeutralAuxPrice');
  if (deltaNeutralOrderType) {
    r.int('deltaNeutralConId');
    if (readOpenOrderAttribs) { r.str('dnSettlingFirm'); r.str('dnClearingAccount'); r.str('dnClearingIntent'); r.str('dnOpenClose'); }
    r.bool('dnShortSale'); r.int('dnShortSaleSlot'); r.str('dnDesignatedLocation');
  }
  r.bool('continuousUpdate'); r.int('referencePriceType');
}

function comboAndScale(r: Reader): void {
  r.str('comboLegsDescrip');
  const legs = r.int('comboLegsCount');
  for (let i = 0; i < legs; i++) { r.int(); r.int(); r.str(); r.str(); r.int(); r.int(); r.str(); r.int(); }
  const orderLegs = r.int('orderComboLegsCount');
  for (let i = 0; i < orderLegs; i++) r.float('orderComboLeg.price');
  const smart = r.int('smartComboRoutingParamsCount');
  for (let i = 0; i < smart; i++) { r.str(); r.str(); }
  r.int('scaleInitLevelSize'); r.int('scaleSubsLevelSize');
  const increment = r.float('scalePriceIncrement');
  if (increment > 0 && increment < Number.MAX_VALUE) { r.float(); r.int(); r.float(); r.bool(); r.int(); r.int(); r.bool(); }
  if (r.str('hedgeType')) r.str('hedgeParam');
}

function deltaNeutralAlgoSolicited(r: Reader): void {
  if (r.bool('deltaNeutralContractPresent')) { r.int(); r.float(); r.float(); }
  if (r.str('algoStrategy')) {
    const params = r.int('algoParamsCount');
    for (let i = 0; i < params; i++) { r.str(); r.str(); }
  }
  r.bool('solicited');
}

function conditions(r: Reader): void {
  if (r.int('conditionsSize') > 0) throw new Error('order conditions are not modelled by this reader');
}

function pegBest(r: Reader): void {
  if (r.serverVersion < MIN.PEGBEST_PEGMID_OFFSETS) return;
  r.int('minTradeQty'); r.int('minCompeteSize'); r.float('competeAgainstBestOffset'); r.float('midOffsetAtWhole'); r.float('midOffsetAtHalf');
}

function openOrder(r: Reader): void {
  const sv = r.serverVersion;
  const version = sv < MIN.ORDER_CONTAINER ? r.int('version') : sv;
  r.int('orderId');
  contract(r, version);
  orderHead(r, true);
  r.str('sharesAllocation');
  faParams(r);
  r.str('modelCode'); r.str('goodTillDate'); r.str('rule80A'); r.float('percentOffset'); r.str('settlingFirm');
  r.int('shortSaleSlot'); r.str('designatedLocation'); r.int('exemptCode');
  r.int('auctionStrategy');
  r.float('startingPrice'); r.float('stockRefPrice'); r.float('delta'); r.float('stockRangeLower'); r.float('stockRangeUpper');
  r.int('displaySize'); r.bool('blockOrder'); r.bool('sweepToFill'); r.bool('allOrNone'); r.int('minQty'); r.int('ocaType');
  r.bool('eTradeOnly'); r.bool('firmQuoteOnly'); r.float('nbboPriceCap'); r.int('parentId'); r.int('triggerMethod');
  volOrderParams(r, true);
  r.float('trailStopPrice'); r.float('trailingPercent');
  r.float('basisPoints'); r.int('basisPointsType');
  comboAndScale(r);
  r.bool('optOutSmartRouting'); r.str('clearingAccount'); r.str('clearingIntent'); r.bool('notHeld');
  deltaNeutralAlgoSolicited(r);
  r.bool('whatIf'); r.str('status');
  if (sv >= MIN.WHAT_IF_EXT_FIELDS) for (const f of ['initMarginBefore', 'maintMarginBefore', 'equityWithLoanBefore', 'initMarginChange', 'maintMarginChange', 'equityWithLoanChange']) r.str(f);
  r.str('initMarginAfter'); r.str('maintMarginAfter'); r.str('equityWithLoanAfter');
  r.float('commission'); r.float('minCommission'); r.float('maxCommission'); r.str('commissionCurrency'); r.str('warningText');
  r.bool('randomizeSize'); r.bool('randomizePrice');
  conditions(r);
  r.str('adjustedOrderType'); r.float('triggerPrice'); r.float('trailStopPrice'); r.float('lmtPriceOffset');
  r.float('adjustedStopPrice'); r.float('adjustedStopLimitPrice'); r.float('adjustedTrailingAmount'); r.int('adjustableTrailingUnit');
  if (sv >= MIN.SOFT_DOLLAR_TIER) { r.str(); r.str(); r.str(); }
  if (sv >= MIN.CASH_QTY) r.float('cashQty');
  if (sv >= MIN.AUTO_PRICE_FOR_HEDGE) r.bool('dontUseAutoPriceForHedge');
  if (sv >= MIN.ORDER_CONTAINER) r.bool('isOmsContainer');
  if (sv >= MIN.D_PEG_ORDERS) r.bool('discretionaryUpToLimitPrice');
  if (sv >= MIN.PRICE_MGMT_ALGO) r.bool('usePriceMgmtAlgo');
  if (sv >= MIN.DURATION) r.int('duration');
  if (sv >= MIN.POST_TO_ATS) r.int('postToAts');
  if (sv >= MIN.AUTO_CANCEL_PARENT) r.bool('autoCancelParent');
  pegBest(r);
  if (sv >= MIN.CUSTOMER_ACCOUNT) r.str('customerAccount');
  if (sv >= MIN.PROFESSIONAL_CUSTOMER) r.bool('professionalCustomer');
  if (sv >= MIN.BOND_ACCRUED_INTEREST) r.str('bondAccruedInterest');
  if (sv >= MIN.INCLUDE_OVERNIGHT) r.bool('includeOvernight');
  if (sv >= MIN.CME_TAGGING_FIELDS_IN_OPEN_ORDER) { r.str('extOperator'); r.int('manualOrderIndicator'); }
}

function completedOrder(r: Reader): void {
  const sv = r.serverVersion;
  contract(r, UNSET_INTEGER);
  orderHead(r, false);
  faParams(r);
  r.str('modelCode'); r.str('goodTillDate'); r.str('rule80A'); r.float('percentOffset'); r.str('settlingFirm');
  r.int('shortSaleSlot'); r.str('designatedLocation'); r.int('exemptCode');
  r.float('startingPrice'); r.float('stockRefPrice'); r.float('delta'); r.float('stockRangeLower'); r.float('stockRangeUpper');
  r.int('displaySize'); r.bool('sweepToFill'); r.bool('allOrNone'); r.int('minQty'); r.int('ocaType'); r.int('triggerMethod');
  volOrderParams(r, false);
  r.float('trailStopPrice'); r.float('trailingPercent');
  comboAndScale(r);
  r.str('clearingAccount'); r.str('clearingIntent'); r.bool('notHeld');
  deltaNeutralAlgoSolicited(r);
  r.str('status');
  r.bool('randomizeSize'); r.bool('randomizePrice');
  conditions(r);
  r.float('trailStopPrice'); r.float('lmtPriceOffset');
  if (sv >= MIN.CASH_QTY) r.float('cashQty');
  if (sv >= MIN.AUTO_PRICE_FOR_HEDGE) r.bool('dontUseAutoPriceForHedge');
  if (sv >= MIN.ORDER_CONTAINER) r.bool('isOmsContainer');
  r.str('autoCancelDate'); r.decimal('filledQuantity'); r.int('refFuturesConId'); r.bool('autoCancelParent'); r.str('shareholder');
  r.bool('imbalanceOnly'); r.bool('routeMarketableToBbo'); r.int('parentPermId'); r.str('completedTime'); r.str('completedStatus');
  pegBest(r);
  if (sv >= MIN.CUSTOMER_ACCOUNT) r.str('customerAccount');
  if (sv >= MIN.PROFESSIONAL_CUSTOMER) r.bool('professionalCustomer');
}

function executionData(r: Reader): void {
  const sv = r.serverVersion;
  const version = sv < MIN.LAST_LIQUIDITY ? r.int('version') : sv;
  if (version >= 7) r.int('reqId');
  r.int('orderId');
  r.int('conId'); r.str('symbol'); r.str('secType'); r.str('lastTradeDate'); r.float('strike'); r.str('right');
  if (version >= 9) r.str('multiplier');
  r.str('exchange'); r.str('currency'); r.str('localSymbol');
  if (version >= 10) r.str('tradingClass');
  r.str('execId'); r.str('time'); r.str('acctNumber'); r.str('exchange'); r.str('side'); r.decimal('shares'); r.float('price');
  r.int('permId'); r.int('clientId'); r.int('liquidation');
  if (version >= 6) { r.decimal('cumQty'); r.float('avgPrice'); }
  if (version >= 8) r.str('orderRef');
  if (version >= 9) { r.str('evRule'); r.float('evMultiplier'); }
  if (sv >= MIN.MODELS_SUPPORT) r.str('modelCode');
  if (sv >= MIN.LAST_LIQUIDITY) r.int('lastLiquidity');
  if (sv >= MIN.PENDING_PRICE_REVISION) r.bool('pendingPriceRevision');
}

function positionData(r: Reader): void {
  const version = r.int('version');
  r.str('account');
  r.int('conId'); r.str('symbol'); r.str('secType'); r.str('lastTradeDate'); r.float('strike'); r.str('right'); r.str('multiplier');
  r.str('exchange'); r.str('currency'); r.str('localSymbol');
  if (version >= 2) r.str('tradingClass');
  r.decimal('position');
  if (version >= 3) r.float('avgCost');
}

function portfolioValue(r: Reader): void {
  const version = r.int('version');
  r.int('conId'); r.str('symbol'); r.str('secType'); r.str('lastTradeDate'); r.float('strike'); r.str('right');
  if (version >= 7) { r.str('multiplier'); r.str('primaryExchange'); }
  r.str('currency'); r.str('localSymbol');
  if (version >= 8) r.str('tradingClass');
  r.decimal('position'); r.float('marketPrice'); r.float('marketValue'); r.float('averageCost'); r.float('unrealizedPNL');
  r.float('realizedPNL'); r.str('accountName');
}

/** UNREALIZED_PNL (129) and REALIZED_PNL (135) are below every version the simulator speaks. */
function pnl(r: Reader, single: boolean): void {
  r.int('reqId');
  if (single) r.decimal('pos');
  r.float('dailyPnL'); r.float('unrealizedPnL'); r.float('realizedPnL');
  if (single) r.float('value');
}

/** decoder.py processContractDataMsg (the non-bond branch). */
function contractData(r: Reader): void {
  const sv = r.serverVersion;
  const version = sv < MIN.SIZE_RULES ? r.int('version') : 8;
  if (version >= 3) r.int('reqId');
  r.str('symbol'); const secType = r.str('secType'); r.str('lastTradeDateOrContractMonth');
  if (sv >= MIN.LAST_TRADE_DATE) r.str('lastTradeDate');
  r.float('strike'); r.str('right'); r.str('exchange'); r.str('currency'); r.str('localSymbol'); r.str('marketName');
  r.str('tradingClass'); r.int('conId'); r.float('minTick');
  if (sv >= MIN.MD_SIZE_MULTIPLIER && sv < MIN.SIZE_RULES) r.int('mdSizeMultiplier');
  r.str('multiplier'); r.str('orderTypes'); r.str('validExchanges'); r.int('priceMagnifier');
  if (version >= 4) r.int('underConId');
  if (version >= 5) { r.str('longName'); r.str('primaryExchange'); }
  if (version >= 6) for (const f of ['contractMonth', 'industry', 'category', 'subcategory', 'timeZoneId', 'tradingHours', 'liquidHours']) r.str(f);
  if (version >= 8) { r.str('evRule'); r.int('evMultiplier'); }
  if (version >= 7) { const n = r.int('secIdListCount'); for (let i = 0; i < n; i++) { r.str(); r.str(); } }
  if (sv >= MIN.AGG_GROUP) r.int('aggGroup');
  if (sv >= MIN.UNDERLYING_INFO) { r.str('underSymbol'); r.str('underSecType'); }
  if (sv >= MIN.MARKET_RULES) r.str('marketRuleIds');
  if (sv >= MIN.REAL_EXPIRATION_DATE) r.str('realExpirationDate');
  if (sv >= MIN.STOCK_TYPE) r.str('stockType');
  if (sv >= MIN.FRACTIONAL_SIZE_SUPPORT && sv < MIN.SIZE_RULES) r.decimal('sizeMinTick');
  if (sv >= MIN.SIZE_RULES) { r.decimal('minSize'); r.decimal('sizeIncrement'); r.decimal('suggestedSizeIncrement'); }
  if (sv >= MIN.FUND_DATA_FIELDS && secType === 'FUND') throw new Error('fund contract details are not modelled by this reader');
  if (sv >= MIN.INELIGIBILITY_REASONS) { const n = r.int('ineligibilityReasonCount'); for (let i = 0; i < n; i++) { r.str(); r.str(); } }
}

type Step = (r: Reader) => void;
const wrapped = (count: number): Step => (r) => r.wrapped(count);

/** Message id → how IB's decoder reads it. */
const READERS: Record<number, Step> = {
  1: (r) => { r.int('version'); r.int('reqId'); r.int('tickType'); r.float('price'); r.decimal('size'); r.int('attrMask'); },
  2: (r) => { r.int('version'); r.int('reqId'); r.int('tickType'); r.decimal('size'); },
  3: (r) => {
    r.int('orderId'); r.str('status'); r.decimal('filled'); r.decimal('remaining'); r.float('avgFillPrice'); r.int('permId');
    r.int('parentId'); r.float('lastFillPrice'); r.int('clientId'); r.str('whyHeld'); r.float('mktCapPrice');
  },
  4: (r) => { r.int('version'); r.int('reqId'); r.int('errorCode'); r.str('errorString'); if (r.serverVersion >= MIN.ADVANCED_ORDER_REJECT) r.str('advancedOrderRejectJson'); },
  5: openOrder,
  6: wrapped(4), // updateAccountValue(key, val, currency, accountName)
  7: portfolioValue,
  8: wrapped(1), // updateAccountTime(timeStamp)
  9: wrapped(1), // nextValidId(orderId)
  10: contractData,
  11: executionData,
  15: wrapped(1), // managedAccounts(accountsList)
  49: wrapped(1), // currentTime(time)
  52: wrapped(1), // contractDetailsEnd(reqId)
  53: wrapped(0), // openOrderEnd()
  54: wrapped(1), // accountDownloadEnd(accountName)
  55: wrapped(1), // execDetailsEnd(reqId)
  57: wrapped(1), // tickSnapshotEnd(reqId)
  58: (r) => { r.int('version'); r.int('reqId'); r.int('marketDataType'); },
  59: (r) => { r.int('version'); r.str('execId'); r.float('commission'); r.str('currency'); r.float('realizedPNL'); r.float('yield'); r.int('yieldRedemptionDate'); },
  61: positionData,
  62: wrapped(0), // positionEnd()
  63: wrapped(5), // accountSummary(reqId, account, tag, value, currency)
  64: wrapped(1), // accountSummaryEnd(reqId)
  73: wrapped(6), // accountUpdateMulti(reqId, account, modelCode, key, value, currency)
  74: wrapped(1), // accountUpdateMultiEnd(reqId)
  81: (r) => { r.int('tickerId'); r.float('minTick'); r.str('bboExchange'); r.int('snapshotPermissions'); },
  94: (r) => pnl(r, false),
  95: (r) => pnl(r, true),
  101: completedOrder,
  102: () => undefined,
};

/** Reads one message as IB's client at `serverVersion` would; throws naming the first field it cannot read. */
export function readAsIb(serverVersion: number, fields: readonly Field[]): void {
  const id = Number(fields[0]);
  const read = READERS[id];
  if (!read) throw new Error(`no IB reader transcribed for message id ${fields[0]}`);
  const reader = new Reader(fields, serverVersion);
  read(reader);
  reader.end();
}
