/** MarketData against a scripted link: bounded waits, what counts as a quote, refusals, and subscription upkeep. */
import { EventEmitter } from 'node:events';
import { EventName, type IBApi } from '@stoqey/ib';
import pino from 'pino';
import type { ContractSpec } from '../../src/ib/ib-types';
import { MarketData } from '../../src/ib/market-data';

const stock = (symbol: string): ContractSpec => ({ symbol, secType: 'STK', exchange: 'SMART', primaryExchange: null, currency: 'USD',
  localSymbol: null, multiplier: null, lastTradeDate: null });

/** A fake IB: records what was sent, and lets the test answer. */
function link() {
  const api = new EventEmitter();
  const sent: Array<[string, ...unknown[]]> = [];
  const recorder = {
    reqMarketDataType: (type: number) => sent.push(['reqMarketDataType', type]),
    reqMktData: (id: number, contract: { symbol: string }) => sent.push(['reqMktData', id, contract.symbol]),
    cancelMktData: (id: number) => sent.push(['cancelMktData', id]),
  };
  const tickerOf = (symbol: string) => sent.find(([name, , s]) => name === 'reqMktData' && s === symbol)?.[1] as number;
  return {
    link: { api: api as unknown as IBApi, send: async (request: (api: IBApi) => void) => { request(recorder as unknown as IBApi); return true; } },
    sent,
    tick: (symbol: string, field: number, price: number) => api.emit(EventName.tickPrice, tickerOf(symbol), field, price),
    error: (symbol: string, code: number, message: string) => api.emit(EventName.error, new Error(message), code, tickerOf(symbol)),
  };
}

const log = pino({ level: 'silent' });

describe('MarketData', () => {
  it('asks for delayed data where live is not subscribed, and waits at most firstTickMs for a first tick', async () => {
    const ib = link();
    const data = new MarketData(log, { firstTickMs: 50 });
    data.opened(ib.link);
    const started = Date.now();
    expect(await data.quote(stock('AAPL'))).toEqual({ quote: null, why: 'no price from IB within 0.05 s' });
    expect(Date.now() - started).toBeLessThan(500);
    expect(ib.sent).toEqual([['reqMarketDataType', 3], ['reqMktData', expect.any(Number), 'AAPL']]);
    data.closed();
  });

  it('takes the last price, else the midpoint; a later alert does not ask IB again', async () => {
    const ib = link();
    const data = new MarketData(log, { firstTickMs: 1_000 });
    data.opened(ib.link);
    const first = data.quote(stock('AAPL'));
    await Promise.resolve();
    ib.error('AAPL', 10167, 'Requested market data is not subscribed. Displaying delayed market data.');
    ib.tick('AAPL', 66, 189.99);
    ib.tick('AAPL', 67, 190.01);
    expect(await first).toMatchObject({ quote: { price: 190, kind: 'midpoint', delayed: true } });
    ib.tick('AAPL', 68, 190.25);
    expect(await data.quote(stock('AAPL'))).toMatchObject({ quote: { price: 190.25, kind: 'last' } });
    ib.tick('AAPL', 68, -1); // IB's "no value" changes nothing
    expect(await data.quote(stock('AAPL'))).toMatchObject({ quote: { price: 190.25 } });
    expect(ib.sent.filter(([name]) => name === 'reqMktData')).toHaveLength(1);
    data.closed();
  });

  it('owns its ticker ids\' errors, says why IB refused, and waits before asking again', async () => {
    const ib = link();
    const data = new MarketData(log, { firstTickMs: 1_000, retryMs: 60_000 });
    data.opened(ib.link);
    const pending = data.quote(stock('NVDA'));
    await Promise.resolve();
    const [, tickerId] = ib.sent.find(([name]) => name === 'reqMktData')!;
    expect(data.ownsRequest(tickerId as number)).toBe(true);
    expect(data.ownsRequest(12)).toBe(false); // an order id
    ib.error('NVDA', 354, 'Requested market data is not subscribed.');
    expect(await pending).toEqual({ quote: null, why: 'IB gave no market data (IB 354: Requested market data is not subscribed.)' });
    await data.quote(stock('NVDA'));
    expect(ib.sent.filter(([name]) => name === 'reqMktData')).toHaveLength(1);
    data.closed();
  });

  it('cancels the least recently used subscription when every line is taken, and keeps a recent quote after a drop', async () => {
    const ib = link();
    const data = new MarketData(log, { firstTickMs: 1_000, maxLines: 2 });
    data.opened(ib.link);
    for (const symbol of ['AAPL', 'MSFT']) {
      const pending = data.quote(stock(symbol));
      await Promise.resolve();
      ib.tick(symbol, 4, 100);
      await pending;
    }
    const pending = data.quote(stock('TSLA'));
    await Promise.resolve();
    expect(ib.sent).toContainEqual(['cancelMktData', ib.sent.find(([n, , s]) => n === 'reqMktData' && s === 'AAPL')![1]]);
    ib.tick('TSLA', 4, 250);
    await pending;
    data.closed();
    expect(await data.quote(stock('TSLA'))).toMatchObject({ quote: { price: 250 } });
  });
});
