import type { OrderSpec } from '../../src/ib/ib-types';
import { planBracket, roundToTick } from '../../src/orders/exits/bracket';
import { TickSizes } from '../../src/orders/exits/tick-size';

const entry: OrderSpec = { side: 'BUY', quantity: '2', orderType: 'MKT', limitPrice: null, stopPrice: null, tif: 'DAY', orderRef: 'TH-1-x' };
const at = { price: 6000.1, source: 'test' };
const es = { symbol: 'ES', secType: 'FUT', exchange: 'CME', primaryExchange: null, currency: 'USD', localSymbol: 'ESZ6', multiplier: '50', lastTradeDate: '202612' };

describe('planBracket', () => {
  it('rounds to the tick and links the exits in one OCA group, GTC, opposite side', () => {
    const plan = planBracket(entry, { takeProfit: { kind: 'percent', value: '1' }, stopLoss: { kind: 'offset', value: '7.3', limitOffset: '1' } }, at, 0.25);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.exits.map((e) => [e.role, e.order.side, e.order.orderType, e.order.limitPrice, e.order.stopPrice, e.order.tif, e.order.ocaGroup]))
      .toEqual([['take-profit', 'SELL', 'LMT', '6060', null, 'GTC', 'TH-1-x-OCA'], ['stop-loss', 'SELL', 'STP LMT', '5991.75', '5992.75', 'GTC', 'TH-1-x-OCA']]);
  });
  it('mirrors a SELL, and refuses an exit that rounding puts on the entry', () => {
    const plan = planBracket({ ...entry, side: 'SELL' }, { takeProfit: { kind: 'ticks', value: '4' }, trailingStop: { kind: 'amount', value: '0.1' } }, at, 0.25);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.exits.map((e) => [e.order.side, e.order.limitPrice, e.order.trailingAmount ?? null])).toEqual([['BUY', '5999', null], ['BUY', null, '0.25']]);
    const onEntry = planBracket(entry, { takeProfit: { kind: 'offset', value: '0.05' } }, { price: 6000, source: 'IB' }, 0.25);
    expect(onEntry).toEqual({ ok: false, reason: expect.stringMatching(/take-profit 6000 is not above the entry price 6000 \(IB\)/) });
  });
  it('prints ticks exactly', () => {
    expect([roundToTick(1.0800149, 0.00005), roundToTick(110.5 + 1 / 64 + 0.001, 1 / 64), roundToTick(189.555, 0.01)]).toEqual(['1.08', '110.515625', '189.56']);
  });
});

describe('TickSizes', () => {
  it("caches IB's minTick per contract, and falls back to the known tick when IB cannot say", async () => {
    const source = jest.fn(async () => 0.25);
    const ticks = new TickSizes(source);
    expect([await ticks.of(es), await ticks.of(es)]).toEqual([{ tick: 0.25, source: "IB's contract details" }, { tick: 0.25, source: "IB's contract details" }]);
    expect(source).toHaveBeenCalledTimes(1);
    const silent = new TickSizes(() => new Promise(() => undefined), 10);
    expect(await silent.of(es)).toEqual({ tick: 0.25, source: expect.stringMatching(/known tick of ES futures/) });
    expect(await new TickSizes(async () => { throw new Error('IB error 200'); }).of({ ...es, symbol: 'AAPL', secType: 'STK' }))
      .toMatchObject({ tick: 0.01 });
  });
});
