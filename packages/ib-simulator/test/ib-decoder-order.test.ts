/**
 * Every message the simulator writes, at every server version it speaks, read in the order IB's own client reads it
 * (support/ib-decoder-order.ts, transcribed from IB's decoder.py / orderdecoder.py): each field parses as the type
 * IB reads there, and nothing is left over or missing.
 */
import { readAsIb } from './support/ib-decoder-order';
import { order, VERSIONS, wireCases } from './support/wire-cases';
import { completedOrder } from '../src/wire/order-messages';

describe.each(VERSIONS)('at server version %i', (serverVersion) => {
  it.each(wireCases(serverVersion))('%s is laid out as IB reads it', (_name, fields) => {
    expect(() => readAsIb(serverVersion, fields)).not.toThrow();
  });
});

it("writes completedOrder's faProfile after faPercentage below 177 and not from 177 on, as IB's decoder reads it", () => {
  const at = (version: number) => completedOrder(version, order, { completedAtMs: 0, parentPermId: 0 });
  expect(at(176)).toHaveLength(at(177).length + 1);
  // Without faProfile IB's 10.19 client reads the fields after it one place early and fails on a non-number.
  const withoutFaProfile = at(177);
  expect(() => readAsIb(176, withoutFaProfile)).toThrow(/not an? (int|float)|underrun|left unread/);
});
