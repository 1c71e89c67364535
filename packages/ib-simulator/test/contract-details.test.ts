import { type Contract, EventName, SecType } from '@stoqey/ib';
import { sleep, stock, TestEnv } from './support/harness';

const env = new TestEnv();
afterEach(() => env.cleanUp());

const future = (symbol: string, extra: Partial<Contract> = {}): Contract => ({ symbol, secType: SecType.FUT, exchange: 'CME', currency: 'USD', ...extra });

/** The details (and error codes) a request gets, once its end (or, for `refused`, its error) has arrived. */
async function detailsOf(port: number, contract: Contract, reqId = 5, refused = false): Promise<{ details: any[]; errors: number[]; ends: number }> {
  const client = env.client(port);
  await client.connect(1);
  client.api.reqContractDetails(reqId, contract);
  if (refused) {
    await client.waitFor(EventName.error, (_e, _code, id) => id === reqId);
    await sleep(30); // an END would have followed by now
  } else await client.waitFor(EventName.contractDetailsEnd, (id) => id === reqId);
  return {
    details: client.events(EventName.contractDetails).filter(([id]) => id === reqId).map(([, d]) => d),
    errors: client.errors().filter((e) => e.reqId === reqId).map((e) => e.code),
    ends: client.count(EventName.contractDetailsEnd),
  };
}

describe('reqContractDetails', () => {
  it.each([
    ['AAPL', stock('AAPL'), 0.01],
    ['a sub-dollar stock', stock('PENNY'), 0.0001],
    ['ES Dec 2026', future('ES', { lastTradeDateOrContractMonth: '202612' }), 0.25],
    ['CL by local symbol', future('CL', { exchange: 'NYMEX', localSymbol: 'CLZ6' }), 0.01],
    ['GC', future('GC', { exchange: 'COMEX', lastTradeDateOrContractMonth: '20261228' }), 0.1],
    ['EUR.USD', { symbol: 'EUR', secType: SecType.CASH, exchange: 'IDEALPRO', currency: 'USD' }, 0.00005],
  ])('serves the minimum tick of %s', async (_name, contract, minTick) => {
    const sim = await env.simulator({ prices: { PENNY: 0.5 } });
    const { details, errors } = await detailsOf(sim.port, contract as Contract);
    expect(errors).toEqual([]);
    expect(details).toHaveLength(1);
    expect(details[0].minTick).toBe(minTick);
    expect(details[0].contract.symbol).toBe((contract as Contract).symbol);
  });

  it('gives a future its multiplier, expiry and local symbol', async () => {
    const sim = await env.simulator();
    const { details } = await detailsOf(sim.port, future('ES', { lastTradeDateOrContractMonth: '202612' }));
    expect(details[0].contract).toMatchObject({ multiplier: 50, lastTradeDateOrContractMonth: '20261218', localSymbol: 'ESZ6', exchange: 'CME' });
    expect(details[0]).toMatchObject({ contractMonth: '202612', minTick: 0.25 });
  });

  it('lists the next quarterly expiries for a futures root without a month', async () => {
    const sim = await env.simulator();
    sim.setTime(Date.UTC(2026, 10, 26, 15));
    const { details } = await detailsOf(sim.port, future('NQ'));
    expect(details.map((d) => d.contract.lastTradeDateOrContractMonth)).toEqual(['20261218', '20270319']);
  });

  it('answers an unknown contract with error 200 and no end', async () => {
    const sim = await env.simulator();
    const { details, errors, ends } = await detailsOf(sim.port, stock('NOPE'), 9, true);
    expect(details).toEqual([]);
    expect(ends).toBe(0);
    expect(errors).toEqual([200]);
  });
});
