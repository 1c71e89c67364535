import { TRADINGVIEW_TARGET_TEMPLATE } from '@tradehook/contracts';
import type { PendingAlert } from '../../src/orders/pending-alert';
import { applyFill, FLAT } from '../../src/positions/average-cost';
import { explainedByWorking } from '../../src/positions/drift-monitor';
import { planSignal, type Standing } from '../../src/positions/signal-planner';
import { targetOf } from '../../src/positions/signal';
import { validatePayload } from '../../src/ingest/validate';

describe('average cost', () => {
  it('averages adds, realizes reductions at the entry, and restarts at the fill price when crossing zero', () => {
    let h = applyFill(FLAT, 'BUY', 10, 100, 1);
    h = applyFill(h, 'BUY', 10, 110, 1);
    expect(h).toEqual({ quantity: 20, avgPrice: 105, grossRealized: 0 });
    h = applyFill(h, 'SELL', 5, 120, 1);
    expect(h).toEqual({ quantity: 15, avgPrice: 105, grossRealized: 75 });
    h = applyFill(h, 'SELL', 20, 100, 1); // closes 15 at −5 each, opens 5 short at 100
    expect(h).toEqual({ quantity: -5, avgPrice: 100, grossRealized: 0 });
    expect(applyFill(h, 'BUY', 5, 90, 50)).toEqual({ quantity: 0, avgPrice: null, grossRealized: 2500 }); // a future × 50
  });
});

describe('position-aware signals', () => {
  const alert = (fields: Partial<PendingAlert>): PendingAlert => ({
    id: 9, receivedAt: new Date(), strategy: 'S', symbol: 'AAPL', exchange: null, price: '1', direction: 'BUY', quantity: null,
    orderType: null, limitPrice: null, stopPrice: null, tif: null, secType: null, currency: null, ...fields,
  });
  const at = (position: number, working: number[] = [], lastSignal: Standing['lastSignal'] = null): Standing => ({ position, working, lastSignal });

  it('reads the target from positionSize, else marketPosition and its size', () => {
    expect(targetOf({ positionSize: '-3', marketPosition: 'long', marketPositionSize: '2' })).toBe(-3);
    expect(targetOf({ marketPosition: 'short', marketPositionSize: '2' })).toBe(-2);
    expect(targetOf({ marketPosition: 'flat' })).toBe(0);
    expect(targetOf({ prevMarketPosition: 'long' })).toBeNull();
  });

  it('target mode trades the difference from the filled position; working orders that make it up are left, others superseded', () => {
    const target = alert({ signal: { positionSize: '3' } });
    expect(planSignal(target, at(1))).toEqual({ kind: 'trade', side: 'BUY', quantity: '2' });
    expect(planSignal(target, at(0, [3]))).toMatchObject({ kind: 'done', reason: expect.stringMatching(/position 0, working 3/) });
    expect(planSignal(target, at(0, [1, 2]))).toMatchObject({ kind: 'done' });
    expect(planSignal(target, at(5))).toEqual({ kind: 'trade', side: 'SELL', quantity: '2' });
    // T3 at 9 with a resting buy of 3 (an earlier target of 12): a target of 9 cancels it, it does not sell 3.
    expect(planSignal(alert({ signal: { positionSize: '9' } }), at(9, [3]))).toEqual({ kind: 'supersede' });
    expect(planSignal(target, at(0, [5, -2]))).toEqual({ kind: 'supersede' });
    expect(planSignal(target, at(3, []))).toMatchObject({ kind: 'done' });
  });

  it('EXIT goes flat from the filled position (working orders superseded first), REVERSE flips in one order, CANCEL cancels', () => {
    expect(planSignal(alert({ direction: 'EXIT' }), at(-4))).toEqual({ kind: 'trade', side: 'BUY', quantity: '4' });
    expect(planSignal(alert({ direction: 'EXIT' }), at(6, [5]))).toEqual({ kind: 'supersede' });
    expect(planSignal(alert({ direction: 'EXIT' }), at(0, [5]))).toEqual({ kind: 'supersede' });
    expect(planSignal(alert({ direction: 'REVERSE' }), at(3))).toEqual({ kind: 'trade', side: 'SELL', quantity: '6' });
    expect(planSignal(alert({ direction: 'REVERSE' }), at(3, [1]))).toEqual({ kind: 'supersede' });
    expect(planSignal(alert({ direction: 'REVERSE' }), at(0))).toMatchObject({ kind: 'done' });
    expect(planSignal(alert({ direction: 'CANCEL' }), at(2))).toEqual({ kind: 'cancel' });
  });

  it('an alert that fired before one already applied is refused; the same second is not', () => {
    const last = { at: new Date('2026-11-25T14:30:07Z'), alertId: 4 };
    const older = alert({ signal: { positionSize: '1', signalAt: '2026-11-25T14:30:05.000Z' } });
    expect(planSignal(older, at(0, [], last))).toMatchObject({ kind: 'refuse', reason: expect.stringMatching(/alert #4/) });
    const same = alert({ signal: { positionSize: '1', signalAt: '2026-11-25T14:30:07.000Z' } });
    expect(planSignal(same, at(0, [], last))).toMatchObject({ kind: 'trade' });
  });

  it('EXIT with a quantity closes that much, never past flat', () => {
    expect(planSignal(alert({ direction: 'EXIT', quantity: '3' }), at(-10))).toEqual({ kind: 'trade', side: 'BUY', quantity: '3' });
    expect(planSignal(alert({ direction: 'EXIT', quantity: '30' }), at(-10))).toEqual({ kind: 'trade', side: 'BUY', quantity: '10' });
    expect(planSignal(alert({ direction: 'EXIT', quantity: '3' }), at(0))).toMatchObject({ kind: 'done' });
  });

  it('only filled-but-unrecorded shares explain a difference', () => {
    expect(explainedByWorking(2, 5)).toBe(true);
    expect(explainedByWorking(-2, 5)).toBe(false);
    expect(explainedByWorking(6, 5)).toBe(false);
    expect(explainedByWorking(0, 0)).toBe(true);
  });
});

describe('the webhook payload', () => {
  const base = { stratName: 'S', symbol: 'AAPL', price: 1, secmgs: 'x' };
  it('takes the new words in any case and the aliases of EXIT, with quoted numbers', () => {
    const ok = validatePayload({ ...base, direction: 'close', positionSize: '-2', marketPosition: 'Short', marketPositionSize: '2', timenow: '2026-11-25T14:30:05Z' });
    expect(ok).toMatchObject({ ok: true, alert: { direction: 'EXIT', signal: {
      positionSize: '-2', marketPosition: 'short', marketPositionSize: '2', signalAt: '2026-11-25T14:30:05.000Z' } } });
    expect(validatePayload({ ...base, direction: 'Reverse' })).toMatchObject({ ok: true, alert: { direction: 'REVERSE', signal: null } });
  });
  it('accepts the target-mode template as TradingView renders it', () => {
    const rendered = TRADINGVIEW_TARGET_TEMPLATE.replace('{{exchange}}', 'NASDAQ').replace('{{ticker}}', 'AAPL')
      .replace('{{close}}', '190.5').replace('{{strategy.order.action}}', 'sell').replace('{{strategy.position_size}}', '-2')
      .replaceAll('{{timenow}}', '2026-11-25T14:30:05Z').replace('{{strategy.order.id}}', 'Short');
    expect(validatePayload(JSON.parse(rendered))).toMatchObject({ ok: true, alert: { direction: 'SELL',
      signal: { positionSize: '-2', signalAt: '2026-11-25T14:30:05.000Z' }, externalId: 'Short-2026-11-25T14:30:05Z' } });
  });
  it('names bad position fields', () => {
    const bad = validatePayload({ ...base, direction: 'BUY', marketPosition: 'up', marketPositionSize: -1, timenow: 'yesterday' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.map((p) => p.field).sort()).toEqual(['marketPosition', 'marketPositionSize', 'timenow']);
  });
});
