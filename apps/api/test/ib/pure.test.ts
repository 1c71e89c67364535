import { decimalOrNull, parseIbTime } from '../../src/ib/ib-mapping';
import { Pacer } from '../../src/ib/pacer';

describe('parseIbTime', () => {
  it('reads IB execution times with and without a zone', () => {
    expect(parseIbTime('20261125  14:30:05').toISOString()).toBe('2026-11-25T14:30:05.000Z');
    expect(parseIbTime('20261125 14:30:05 UTC').toISOString()).toBe('2026-11-25T14:30:05.000Z');
    expect(parseIbTime('20261125 09:30:05 US/Eastern').toISOString()).toBe('2026-11-25T14:30:05.000Z');
    expect(parseIbTime('20260715-09:30:05 US/Eastern').toISOString()).toBe('2026-07-15T13:30:05.000Z');
  });
});

describe('decimalOrNull', () => {
  it('treats IB\'s unset double as null', () => {
    expect(decimalOrNull(Number.MAX_VALUE)).toBeNull();
    expect(decimalOrNull(1.23456)).toBe('1.23456');
  });
});

describe('Pacer', () => {
  it('never lets more than the budget through in any sliding second', async () => {
    let now = 0;
    const pacer = new Pacer(5, () => now);
    const taken = [];
    for (let t = 0; t < 3000; t += 50) {
      now = t;
      while (pacer.tryTake()) taken.push(t);
    }
    for (const start of taken) expect(taken.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(5);
    expect(taken.length).toBe(15);
  });
});
