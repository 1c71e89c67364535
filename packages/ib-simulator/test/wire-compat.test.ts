/**
 * Feeds every message the simulator can write straight into @stoqey/ib's own Decoder, at each server version
 * the simulator supports, and requires a clean decode (no underrun, no leftover fields). The layouts themselves are
 * held to IB's published decoder order in ib-decoder-order.test.ts.
 */
import { FA_PROFILE_DESUPPORT } from './support/ib-decoder-order';
import { completedOrder, openOrder } from '../src/wire/order-messages';
import * as messages from '../src/wire/server-messages';
import { decode } from './support/decode';
import { portfolioValue } from '../src/wire/account-messages';
import { closingExecution, execution, futureOrder, futurePosition, order, trailingOrder, VERSIONS as versions, wireCases } from './support/wire-cases';

describe.each(versions)('at server version %i', (serverVersion) => {
  // @stoqey/ib reads completedOrder as if every version were past faProfile's removal: below 177 it cannot read
  // what IB writes (IB's own decoder order is checked in ib-decoder-order.test.ts).
  const cases = wireCases(serverVersion).filter(([name]) => name !== 'completedOrder' || serverVersion >= FA_PROFILE_DESUPPORT);

  it.each(cases)('%s decodes cleanly', (eventName, fields) => {
    const { events, errors } = decode(serverVersion, fields);
    expect(errors).toEqual([]);
    expect(events.map((e) => e.name)).toEqual(eventName.split('+'));
  });

  it('round-trips the order fields the API relies on', () => {
    const [{ args }] = decode(serverVersion, openOrder(serverVersion, order)).events;
    const [orderId, contract, decodedOrder, state] = args as [number, any, any, any];
    expect(orderId).toBe(7);
    expect(contract).toMatchObject({ conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART', currency: 'USD' });
    expect(decodedOrder).toMatchObject({
      action: 'SELL', totalQuantity: 100, orderType: 'STP LMT', lmtPrice: 99.5, auxPrice: 100.25, tif: 'GTC',
      ocaGroup: 'oca-1', account: 'DU1234567', orderRef: 'alert-9', clientId: 3, permId: 1234567890, parentId: 6,
    });
    expect(state.status).toBe('Submitted');

    if (serverVersion < FA_PROFILE_DESUPPORT) return; // see above
    const [completed] = decode(serverVersion, completedOrder(serverVersion, order, { completedAtMs: 0, parentPermId: 99 })).events;
    const [, completedOrderFields, completedState] = completed.args as [any, any, any];
    expect(completedOrderFields).toMatchObject({ permId: 1234567890, orderRef: 'alert-9', filledQuantity: 40, parentPermId: 99 });
    expect(completedOrderFields.orderId).toBeUndefined();
    expect(completedState).toMatchObject({ status: 'Submitted', completedStatus: 'Submitted', completedTime: '19700101 00:00:00 UTC' });
  });

  it('round-trips the exit fields: trailStopPrice, lmtPriceOffset, outsideRth, ocaType', () => {
    const [{ args }] = decode(serverVersion, openOrder(serverVersion, trailingOrder)).events;
    expect(args[2]).toMatchObject({ orderType: 'TRAIL LIMIT', auxPrice: 1, trailStopPrice: 99.25, lmtPriceOffset: 0.5, outsideRth: true, ocaType: 3 });
  });

  it('round-trips executions and commission reports', () => {
    const [{ args }] = decode(serverVersion, messages.executionData(serverVersion, -1, execution, order)).events;
    expect(args[0]).toBe(-1);
    expect(args[2]).toMatchObject({
      execId: execution.execId, orderId: 7, side: 'SLD', shares: 40, price: 100.1, cumQty: 40, avgPrice: 100.1,
      permId: 1234567890, clientId: 3, orderRef: 'alert-9', acctNumber: 'DU1234567', time: '20260101 12:00:00 UTC',
    });
    const [report] = decode(serverVersion, messages.commissionReport(execution)).events;
    expect(report.args[0]).toMatchObject({ execId: execution.execId, commission: 1, currency: 'USD', realizedPNL: undefined });
    const [closing] = decode(serverVersion, messages.commissionReport(closingExecution)).events;
    expect(closing.args[0]).toMatchObject({ realizedPNL: 998 });
  });

  it("round-trips a future's expiry and multiplier in POSITION, PORTFOLIO_VALUE and OPEN_ORDER", () => {
    const expected = { symbol: 'ES', secType: 'FUT', lastTradeDateOrContractMonth: '20261218', multiplier: 50 };
    expect(decode(serverVersion, messages.position(futurePosition)).events[0].args[1]).toMatchObject(expected);
    const [portfolio] = decode(serverVersion, portfolioValue(futurePosition)).events;
    expect(portfolio.args[0]).toMatchObject(expected);
    expect(portfolio.args.slice(1, 5)).toEqual([2, 5010, 501_000, 250_000.5]);
    expect(decode(serverVersion, openOrder(serverVersion, futureOrder)).events[0].args[1]).toMatchObject(expected);
  });
});

it('writes a plain OPEN_ORDER in 133 fields at 193, as the protocol notes count them', () => {
  expect(openOrder(193, order)).toHaveLength(133);
  expect(messages.executionData(193, -1, execution, order)).toHaveLength(32);
});
