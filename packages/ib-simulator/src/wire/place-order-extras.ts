/**
 * The PLACE_ORDER fields past the fixed leading ones that exits need: outsideRth, ocaType, trailStopPrice,
 * trailingPercent and lmtPriceOffset. From index 34 the layout has optional blocks (delta-neutral, scale, hedge, algo,
 * conditions), so the fields are found by walking the client's encoder order (@stoqey/ib, IB's EClient.placeOrder) for
 * a non-combo order. A combo (BAG) or an order with conditions is not walked: its extras read as unset.
 */
import { MinServerVersion } from './message-ids';

export interface PlaceOrderExtras {
  outsideRth: boolean;
  /** 1 cancel the others on a fill, 2 reduce with block, 3 reduce without block; 0 none. */
  ocaType: number;
  trailStopPrice: number | undefined;
  trailingPercent: number | undefined;
  lmtPriceOffset: number | undefined;
}

const OUTSIDE_RTH_INDEX = 33;
const UNSET = { ocaType: 0, trailStopPrice: undefined, trailingPercent: undefined, lmtPriceOffset: undefined };

const optionalNumber = (text: string | undefined): number | undefined => {
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value !== Number.MAX_VALUE ? value : undefined;
};

class Cursor {
  constructor(private readonly fields: readonly string[], private index: number) {}

  skip(count: number): void {
    this.index += count;
  }

  next(): string | undefined {
    return this.fields[this.index++];
  }

  /** Reads a field that says whether (how many times) `count` more fields follow. */
  skipIf(present: (value: string) => boolean, count: number): void {
    const value = this.next() ?? '';
    if (present(value)) this.skip(count);
  }
}

export function parsePlaceOrderExtras(fields: readonly string[], serverVersion: number, secType: string, orderType: string): PlaceOrderExtras {
  const outsideRth = (fields[OUTSIDE_RTH_INDEX] ?? '') !== '' && fields[OUTSIDE_RTH_INDEX] !== '0';
  if (secType === 'BAG') return { outsideRth, ...UNSET };
  const c = new Cursor(fields, 35); // sharesAllocation
  c.skip(4); // sharesAllocation, discretionaryAmt, goodAfterTime, goodTillDate
  c.skip(serverVersion < MinServerVersion.FA_PROFILE_DESUPPORT ? 4 : 3); // faGroup, faMethod, faPercentage[, faProfile]
  c.skip(4); // modelCode, shortSaleSlot, designatedLocation, exemptCode
  const ocaType = Number(c.next() || 0);
  c.skip(15); // rule80A … stockRangeUpper (14), overridePercentageConstraints
  c.skip(2); // volatility, volatilityType
  c.skipIf((dnOrderType) => dnOrderType !== '', 8); // the delta-neutral block (after deltaNeutralAuxPrice)
  c.skip(1); // deltaNeutralAuxPrice
  c.skip(2); // continuousUpdate, referencePriceType
  const trailStopPrice = optionalNumber(c.next());
  const trailingPercent = optionalNumber(c.next());
  c.skip(2); // scaleInitLevelSize, scaleSubsLevelSize
  c.skipIf((increment) => (optionalNumber(increment) ?? 0) > 0, 7); // scalePriceIncrement and the scale block
  c.skip(3); // scaleTable, activeStartTime, activeStopTime
  c.skipIf((hedgeType) => hedgeType !== '', 1); // hedgeParam
  c.skip(4); // optOutSmartRouting, clearingAccount, clearingIntent, notHeld
  c.skipIf((deltaNeutral) => deltaNeutral === '1', 3);
  const algoStrategy = c.next() ?? '';
  if (algoStrategy !== '') c.skip(2 * Number(c.next() || 0));
  c.skip(6); // algoId, whatIf, orderMiscOptions, solicited, randomizeSize, randomizePrice
  if (orderType === 'PEG BENCH') c.skip(5);
  const conditions = Number(c.next() || 0);
  const lmtPriceOffset = conditions > 0 ? undefined : (c.skip(2), optionalNumber(c.next())); // after adjustedOrderType, triggerPrice
  return { outsideRth, ocaType, trailStopPrice, trailingPercent, lmtPriceOffset };
}
