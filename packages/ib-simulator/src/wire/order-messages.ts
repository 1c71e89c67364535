/**
 * OPEN_ORDER and COMPLETED_ORDER: the two long order messages. Their layouts differ (the completed-order
 * branch of the decoder skips some fields and adds others), so each is spelled out in the decoder's order.
 * Empty deltaNeutralOrderType / hedgeType / algoStrategy, no scale increment and zero counts keep every
 * conditional sub-field of the decoder switched off.
 */
import type { SimOrder } from '../types';
import { contractFields } from './contract-fields';
import { bool, decimal, double, type Field, ibTimestamp, int, UNSET_INT } from './format';
import { MinServerVersion, Outgoing } from './message-ids';

const UNSET = double(undefined);
const unsetDoubles = (count: number): Field[] => new Array<Field>(count).fill(UNSET);

/** conId … tradingClass as OrderDecoder.readContractFields reads them (the order's own exchange). */
const orderContractFields = (order: SimOrder): Field[] => contractFields(order, order.exchange);

/** action … orderRef: identical at the start of both messages. */
function leadingOrderFields(order: SimOrder): Field[] {
  return [
    order.action,
    decimal(order.totalQuantity),
    order.orderType,
    double(order.lmtPrice),
    double(order.auxPrice),
    order.tif,
    order.ocaGroup,
    order.account,
    '', // openClose
    '0', // origin: customer
    order.orderRef,
  ];
}

/** Volatility block (readVolOrderParams) followed by the trail parameters (trailStopPrice, trailingPercent). */
const volatilityAndTrailFields = (order: SimOrder): Field[] => [UNSET, '0', '', UNSET, '0', '0', double(order.trailStopPrice), double(order.trailingPercent)];
/** comboLegsDescription, comboLegs count, orderComboLegs count, smartComboRoutingParams count. */
const emptyComboFields = (): Field[] => ['', '0', '0', '0'];
/** scaleInitLevelSize, scaleSubsLevelSize, scalePriceIncrement (unset: no further scale fields). */
const emptyScaleFields = (): Field[] => [UNSET_INT, UNSET_INT, UNSET];
/** minTradeQty, minCompeteSize, competeAgainstBestOffset, midOffsetAtWhole, midOffsetAtHalf. */
const pegBestFields = (): Field[] => [UNSET_INT, UNSET_INT, UNSET, UNSET, UNSET];

/** Fields that exist only from some server version on, appended in the order given. */
function since(serverVersion: number, entries: ReadonlyArray<readonly [number, () => Field[]]>): Field[] {
  return entries.flatMap(([minVersion, fields]) => (serverVersion >= minVersion ? fields() : []));
}

/** faGroup, faMethod, faPercentage, and faProfile until IB dropped it (both order messages read it per version). */
const faFields = (serverVersion: number): Field[] => (serverVersion < MinServerVersion.FA_PROFILE_DESUPPORT ? ['', '', '', ''] : ['', '', '']);

export function openOrder(serverVersion: number, order: SimOrder): Field[] {
  const whatIfBefore = serverVersion >= MinServerVersion.WHAT_IF_EXT_FIELDS ? unsetDoubles(6) : [];
  return [
    int(Outgoing.OPEN_ORDER),
    int(order.orderId),
    ...orderContractFields(order),
    ...leadingOrderFields(order),
    int(order.clientId),
    int(order.permId),
    bool(order.outsideRth ?? false),
    bool(false), // hidden
    '0', // discretionaryAmt
    '', // goodAfterTime
    '', // sharesAllocation (deprecated)
    ...faFields(serverVersion),
    '', // modelCode
    '', // goodTillDate
    '', // rule80A
    UNSET, // percentOffset
    '', // settlingFirm
    '0', '', '-1', // shortSaleSlot, designatedLocation, exemptCode
    '0', // auctionStrategy
    ...unsetDoubles(5), // startingPrice, stockRefPrice, delta, stockRangeLower, stockRangeUpper
    UNSET_INT, // displaySize
    bool(false), bool(false), bool(false), // blockOrder, sweepToFill, allOrNone
    UNSET_INT, // minQty
    int(order.ocaType ?? 0),
    bool(false), bool(false), // eTradeOnly, firmQuoteOnly
    UNSET, // nbboPriceCap
    int(order.parentId),
    '0', // triggerMethod
    ...volatilityAndTrailFields(order),
    UNSET, UNSET_INT, // basisPoints, basisPointsType
    ...emptyComboFields(),
    ...emptyScaleFields(),
    '', // hedgeType
    bool(false), // optOutSmartRouting
    '', '', // clearingAccount, clearingIntent
    bool(false), // notHeld
    bool(false), // deltaNeutralContract present
    '', // algoStrategy
    bool(false), // solicited
    bool(false), // whatIf
    order.status,
    ...whatIfBefore,
    ...unsetDoubles(6), // initMarginAfter … maxCommission
    '', '', // commissionCurrency, warningText
    bool(false), bool(false), // randomizeSize, randomizePrice
    '0', // conditions count
    '', // adjustedOrderType
    UNSET, double(order.trailStopPrice), double(order.lmtPriceOffset), // triggerPrice, trailStopPrice, lmtPriceOffset
    ...unsetDoubles(3), // adjustedStopPrice, adjustedStopLimitPrice, adjustedTrailingAmount
    '0', // adjustableTrailingUnit
    ...since(serverVersion, [
      [MinServerVersion.SOFT_DOLLAR_TIER, () => ['', '', '']],
      [MinServerVersion.CASH_QTY, () => [UNSET]],
      [MinServerVersion.AUTO_PRICE_FOR_HEDGE, () => [bool(false)]],
      [MinServerVersion.ORDER_CONTAINER, () => [bool(false)]],
      [MinServerVersion.D_PEG_ORDERS, () => [bool(false)]],
      [MinServerVersion.PRICE_MGMT_ALGO, () => [bool(false)]],
      [MinServerVersion.DURATION, () => [UNSET_INT]],
      [MinServerVersion.POST_TO_ATS, () => [UNSET_INT]],
      [MinServerVersion.AUTO_CANCEL_PARENT, () => [bool(false)]],
      [MinServerVersion.PEGBEST_PEGMID_OFFSETS, pegBestFields],
      [MinServerVersion.CUSTOMER_ACCOUNT, () => ['']],
      [MinServerVersion.PROFESSIONAL_CUSTOMER, () => [bool(false)]],
      [MinServerVersion.BOND_ACCRUED_INTEREST, () => ['']],
      [MinServerVersion.INCLUDE_OVERNIGHT, () => [bool(false)]],
      [MinServerVersion.CME_TAGGING_FIELDS_IN_OPEN_ORDER, () => ['', UNSET_INT]],
    ]),
  ];
}

export interface CompletedOrderInfo {
  completedAtMs: number;
  /** permId of the parent order, 0 for a top-level order. */
  parentPermId: number;
}

/** COMPLETED_ORDER carries no order id and no client id: match it by permId or orderRef. */
export function completedOrder(serverVersion: number, order: SimOrder, info: CompletedOrderInfo): Field[] {
  return [
    int(Outgoing.COMPLETED_ORDER),
    ...orderContractFields(order),
    ...leadingOrderFields(order),
    int(order.permId),
    bool(order.outsideRth ?? false),
    bool(false), // hidden
    '0', // discretionaryAmt
    '', // goodAfterTime
    ...faFields(serverVersion),
    '', // modelCode
    '', // goodTillDate
    '', // rule80A
    UNSET, // percentOffset
    '', // settlingFirm
    '0', '', '-1', // shortSaleSlot, designatedLocation, exemptCode
    ...unsetDoubles(5), // startingPrice, stockRefPrice, delta, stockRangeLower, stockRangeUpper
    UNSET_INT, // displaySize
    bool(false), bool(false), // sweepToFill, allOrNone
    UNSET_INT, // minQty
    int(order.ocaType ?? 0),
    '0', // triggerMethod
    ...volatilityAndTrailFields(order),
    ...emptyComboFields(),
    ...emptyScaleFields(),
    '', // hedgeType
    '', '', // clearingAccount, clearingIntent
    bool(false), // notHeld
    bool(false), // deltaNeutralContract present
    '', // algoStrategy
    bool(false), // solicited
    order.status,
    bool(false), bool(false), // randomizeSize, randomizePrice
    '0', // conditions count
    double(order.trailStopPrice), double(order.lmtPriceOffset),
    ...since(serverVersion, [
      [MinServerVersion.CASH_QTY, () => [UNSET]],
      [MinServerVersion.AUTO_PRICE_FOR_HEDGE, () => [bool(false)]],
      [MinServerVersion.ORDER_CONTAINER, () => [bool(false)]],
    ]),
    '', // autoCancelDate
    decimal(order.filled),
    '0', // refFuturesConId
    bool(false), // autoCancelParent
    '', // shareholder
    bool(false), bool(false), // imbalanceOnly, routeMarketableToBbo
    int(info.parentPermId),
    ibTimestamp(info.completedAtMs),
    order.status, // completedStatus
    ...since(serverVersion, [
      [MinServerVersion.PEGBEST_PEGMID_OFFSETS, pegBestFields],
      [MinServerVersion.CUSTOMER_ACCOUNT, () => ['']],
      [MinServerVersion.PROFESSIONAL_CUSTOMER, () => [bool(false)]],
    ]),
  ];
}
