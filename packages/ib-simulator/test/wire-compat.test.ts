/**
 * Feeds every message the simulator can write straight into @stoqey/ib's own Decoder, at each server version
 * the simulator supports, and requires a clean decode (no underrun, no leftover fields).
 */
import type { SimExecution, SimOrder } from '../src';
import type { Field } from '../src/wire/format';
import { SUPPORTED_SERVER_VERSIONS } from '../src/wire/message-ids';
import { completedOrder, openOrder } from '../src/wire/order-messages';
import * as messages from '../src/wire/server-messages';
import { decode } from './support/decode';

const order: SimOrder = {
  orderId: 7, clientId: 3, permId: 1234567890, conId: 265598, symbol: 'AAPL', secType: 'STK', exchange: 'SMART',
  primaryExchange: 'NASDAQ', currency: 'USD', localSymbol: 'AAPL', action: 'SELL', totalQuantity: 100,
  orderType: 'STP LMT', lmtPrice: 99.5, auxPrice: 100.25, tif: 'GTC', ocaGroup: 'oca-1', orderRef: 'alert-9',
  account: 'DU1234567', parentId: 6, transmit: true, status: 'Submitted', filled: 40, remaining: 60,
  avgFillPrice: 100.1, receivedAt: 1_767_268_800_000.123,
};
const execution: SimExecution = {
  execId: '0000e0d5.6553f1a2.01.01', orderId: 7, clientId: 3, permId: 1234567890, symbol: 'AAPL', secType: 'STK',
  exchange: 'NASDAQ', currency: 'USD', side: 'SLD', shares: 40, price: 100.1, cumQty: 40, avgPrice: 100.1,
  time: '20260101 12:00:00 UTC', account: 'DU1234567', orderRef: 'alert-9', commission: 1,
};
const position = { account: 'DU1234567', order, quantity: -40, avgCost: 100.1 };

const versions = [SUPPORTED_SERVER_VERSIONS.min, 170, 176, 177, 178, 183, 185, 189, 192, SUPPORTED_SERVER_VERSIONS.max];

describe.each(versions)('at server version %i', (serverVersion) => {
  const cases: Array<[string, Field[]]> = [
    ['nextValidId', messages.nextValidId(12)],
    ['managedAccounts', messages.managedAccounts(['DU1234567'])],
    ['error', messages.errorMessage(serverVersion, 7, 202, 'Order Canceled - reason:')],
    ['info', messages.errorMessage(serverVersion, -1, 2104, 'Market data farm connection is OK:usfarm')],
    ['currentTime', messages.currentTime(1_767_268_800_000)],
    ['orderStatus', messages.orderStatus(order, 100.1)],
    ['openOrderEnd', messages.openOrderEnd()],
    ['execDetails', messages.executionData(serverVersion, 5, execution, order)],
    ['execDetailsEnd', messages.executionDataEnd(5)],
    ['commissionReport', messages.commissionReport(execution)],
    ['position', messages.position(position)],
    ['positionEnd', messages.positionEnd()],
    ['openOrder', openOrder(serverVersion, order)],
    ['completedOrder', completedOrder(serverVersion, order, { completedAtMs: 1_767_268_800_000, parentPermId: 99 })],
    ['completedOrdersEnd', messages.completedOrdersEnd()],
  ];

  it.each(cases)('%s decodes cleanly', (eventName, fields) => {
    const { events, errors } = decode(serverVersion, fields);
    expect(errors).toEqual([]);
    expect(events.map((e) => e.name)).toEqual([eventName]);
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

    const [completed] = decode(serverVersion, completedOrder(serverVersion, order, { completedAtMs: 0, parentPermId: 99 })).events;
    const [, completedOrderFields, completedState] = completed.args as [any, any, any];
    expect(completedOrderFields).toMatchObject({ permId: 1234567890, orderRef: 'alert-9', filledQuantity: 40, parentPermId: 99 });
    expect(completedOrderFields.orderId).toBeUndefined();
    expect(completedState).toMatchObject({ status: 'Submitted', completedStatus: 'Submitted', completedTime: '19700101 00:00:00 UTC' });
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
  });
});

it('writes a plain OPEN_ORDER in 133 fields at 193, as the protocol notes count them', () => {
  expect(openOrder(193, order)).toHaveLength(133);
  expect(messages.executionData(193, -1, execution, order)).toHaveLength(32);
});
