/**
 * Market data and security definitions: the wire layouts in IB's decoder order, and what a real @stoqey/ib client
 * sees over a socket — delayed ticks for a paper account, 354 without a subscription, 200 for an unknown contract.
 */
import { type Contract, EventName, OrderAction, SecType } from '@stoqey/ib';
import type { SimulatorOptions } from '../src';
import * as md from '../src/wire/market-data-messages';
import { SUPPORTED_SERVER_VERSIONS } from '../src/wire/message-ids';
import { decode } from './support/decode';
import { marketOrder, sleep, stock, TestEnv } from './support/harness';

describe('market data messages, field by field as IB\'s EDecoder reads them', () => {
  it('lays out each message in the decoder\'s order', () => {
    // processTickPriceMsg: version, tickerId, tickType, price, size (ver 2), attrMask (ver 3).
    expect(md.tickPrice(7, 68, 190.25, 1)).toEqual(['1', '6', '7', '68', '190.25', '1', '0']);
    // processTickSizeMsg: version, tickerId, tickType, size.
    expect(md.tickSize(7, 74, 1000)).toEqual(['2', '6', '7', '74', '1000']);
    // processTickSnapshotEnd: version, reqId · processMarketDataTypeMsg: version, reqId, marketDataType.
    expect(md.tickSnapshotEnd(7)).toEqual(['57', '1', '7']);
    expect(md.marketDataType(7, 3)).toEqual(['58', '1', '7', '3']);
    // processTickReqParamsMsg has no version field: tickerId, minTick, bboExchange, snapshotPermissions.
    expect(md.tickReqParams(7, 0.01, '', 3)).toEqual(['81', '7', '0.01', '', '3']);
  });

  const versions = [SUPPORTED_SERVER_VERSIONS.min, 178, SUPPORTED_SERVER_VERSIONS.max];
  it.each(versions)('decodes cleanly in @stoqey/ib at server version %i', (serverVersion) => {
    const names = (fields: string[]) => {
      const { events, errors } = decode(serverVersion, fields);
      expect(errors).toEqual([]);
      return events.map((e) => [e.name, ...e.args]);
    };
    // A price tick carries its size: the client emits both, as IB's decoder does.
    expect(names(md.tickPrice(7, 68, 190.25, 1))).toEqual([['tickPrice', 7, 68, 190.25, false], ['tickSize', 7, 71, 1]]);
    expect(names(md.tickSize(7, 74, 1000))).toEqual([['tickSize', 7, 74, 1000]]);
    expect(names(md.tickSnapshotEnd(7))).toEqual([['tickSnapshotEnd', 7]]);
    expect(names(md.marketDataType(7, 3))).toEqual([['marketDataType', 7, 3]]);
    expect(names(md.tickReqParams(7, 0.01, '', 3))[0].slice(0, 2)).toEqual(['tickReqParams', 7]);
  });

  it('reads REQ_MKT_DATA from its fixed head and its tail (snapshot third from the end)', () => {
    const head = ['1', '11', '9', '0', 'ES', 'FUT', '', '0', '', '', 'CME', '', 'USD', 'ESZ6', ''];
    expect(md.parseReqMktData([...head, '0', '', '1', '0', ''])).toMatchObject({
      tickerId: 9, symbol: 'ES', secType: 'FUT', exchange: 'CME', currency: 'USD', localSymbol: 'ESZ6', snapshot: true,
    });
    expect(md.parseReqMktData([...head, '1', '5', '0.5', '100', '', '0', '0', ''])).toMatchObject({ snapshot: false });
  });
});

describe('market data over a socket', () => {
  const env = new TestEnv();
  afterEach(() => env.cleanUp());

  async function connected(options: SimulatorOptions = {}) {
    const sim = await env.simulator(options);
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    return { sim, client, orderId };
  }
  const future = (localSymbol: string): Contract => ({ symbol: 'ES', secType: SecType.FUT, exchange: 'CME', currency: 'USD', localSymbol });
  const ticks = (client: Awaited<ReturnType<typeof connected>>['client'], tickerId: number) =>
    client.events(EventName.tickPrice).filter(([id]) => id === tickerId).map(([, type, price]) => [type, price]);

  it('serves a delayed snapshot to a paper account that asked for delayed data', async () => {
    const { client } = await connected({ prices: { AAPL: 190.25 } });
    client.api.reqMarketDataType(3);
    client.api.reqMktData(11, stock('AAPL'), '', true, false);
    await client.waitFor(EventName.tickSnapshotEnd, (id) => id === 11);
    expect(client.events(EventName.marketDataType)).toEqual([[11, 3]]);
    expect(client.errors()).toEqual([expect.objectContaining({ code: 10167, reqId: 11 })]);
    expect(ticks(client, 11)).toEqual([[66, 190.24], [67, 190.26], [68, 190.25]]);
  });

  it('answers 354 to a live request without a subscription, and to any request of an account without data', async () => {
    const { sim, client } = await connected();
    client.api.reqMktData(12, stock('AAPL'), '', false, false);
    await client.waitFor(EventName.error, (_e, code, id) => code === 354 && id === 12);
    sim.setMarketData('none');
    client.api.reqMarketDataType(3);
    client.api.reqMktData(13, stock('AAPL'), '', false, false);
    await client.waitFor(EventName.error, (_e, code, id) => code === 354 && id === 13);
    expect(client.count(EventName.tickPrice)).toBe(0);
  });

  it('streams live ticks on every price change until cancelled', async () => {
    const { sim, client } = await connected({ marketData: 'live', prices: { ES: 6000 } });
    client.api.reqMktData(14, future('ESZ6'), '', false, false);
    await client.waitFor(EventName.tickPrice, (id, type) => id === 14 && type === 4);
    expect(client.events(EventName.marketDataType)).toEqual([[14, 1]]);
    sim.setPrice('ES', 6010.5);
    await client.waitFor(EventName.tickPrice, (id, type, price) => id === 14 && type === 4 && price === 6010.5);
    expect(sim.marketDataSubscriptions()).toBe(1);
    client.api.cancelMktData(14);
    await sleep(50);
    expect(sim.marketDataSubscriptions()).toBe(0);
    const before = client.count(EventName.tickPrice);
    sim.setPrice('ES', 6020);
    await sleep(50);
    expect(client.count(EventName.tickPrice)).toBe(before);
    client.api.cancelMktData(14);
    await client.waitFor(EventName.error, (_e, code, id) => code === 300 && id === 14);
  });

  it('quotes a currency pair by its pair, at the precision it was set', async () => {
    const { client } = await connected({ marketData: 'live', prices: { 'EUR.USD': 1.08765 } });
    client.api.reqMktData(15, { symbol: 'EUR', secType: SecType.CASH, exchange: 'IDEALPRO', currency: 'USD' }, '', true, false);
    await client.waitFor(EventName.tickSnapshotEnd, (id) => id === 15);
    expect(ticks(client, 15)).toEqual([[1, 1.08764], [2, 1.08766], [4, 1.08765]]);
  });

  it('ends a subscription with its connection', async () => {
    const { sim, client } = await connected({ marketData: 'live' });
    client.api.reqMktData(16, stock('MSFT'), '', false, false);
    await client.waitFor(EventName.tickPrice, (id) => id === 16);
    client.disconnect();
    await sleep(100);
    expect(sim.marketDataSubscriptions()).toBe(0);
  });
});

describe('security definitions', () => {
  const env = new TestEnv();
  afterEach(() => env.cleanUp());

  it('answers 200 to market data and orders for a contract it does not list, as IB does', async () => {
    const sim = await env.simulator({ marketData: 'live' });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    client.api.reqMktData(21, stock('ES1!'), '', true, false);
    await client.waitFor(EventName.error, (_e, code, id) => code === 200 && id === 21);
    client.api.placeOrder(orderId, stock('CME_MINI:ES1!'), marketOrder(OrderAction.BUY, 1));
    const [error] = await client.waitFor(EventName.error, (_e, code, id) => code === 200 && id === orderId);
    expect((error as Error).message).toBe('No security definition has been found for the request');
    // Listed as a future, not as a stock.
    client.api.placeOrder(orderId + 1, stock('ES'), marketOrder(OrderAction.BUY, 1));
    await client.waitFor(EventName.error, (_e, code, id) => code === 200 && id === orderId + 1);
    expect(sim.orders.map((o) => o.status)).toEqual(['Inactive', 'Inactive']);
  });

  it('fills a listed future with its month, and calls a bare root ambiguous', async () => {
    const sim = await env.simulator({ partialFills: 1 });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    const es = { symbol: 'ES', secType: SecType.FUT, exchange: 'CME', currency: 'USD' };
    client.api.placeOrder(orderId, es, marketOrder(OrderAction.BUY, 1));
    const [error] = await client.waitFor(EventName.error, (_e, code, id) => code === 200 && id === orderId);
    expect((error as Error).message).toMatch(/ambiguous/);
    client.api.placeOrder(orderId + 1, { ...es, localSymbol: 'ESZ6' }, marketOrder(OrderAction.BUY, 1));
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId + 1 && status === 'Filled');
    expect(sim.executions[0].price).toBe(5000);
  });

  it('takes its list from the options, a priced symbol included', async () => {
    const sim = await env.simulator({ symbols: ['STK:KO'], prices: { PEP: 170 } });
    const client = env.client(sim.port);
    const orderId = await client.connect(1);
    for (const [i, symbol] of ['KO', 'PEP', 'AAPL'].entries()) client.api.placeOrder(orderId + i, stock(symbol), marketOrder(OrderAction.BUY, 1));
    await client.waitFor(EventName.error, (_e, code, id) => code === 200 && id === orderId + 2);
    await client.waitFor(EventName.orderStatus, (id, status) => id === orderId + 1 && status === 'Filled');
    expect(sim.orders.map((o) => [o.symbol, o.status])).toEqual([['KO', 'Filled'], ['PEP', 'Filled'], ['AAPL', 'Inactive']]);
  });
});
