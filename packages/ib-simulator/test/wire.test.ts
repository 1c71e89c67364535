/** Framing, value formatting and the simulator's handling of raw (and broken) bytes. */
import { double, ibTimestamp, parseIbFilterTime, UNSET_DOUBLE } from '../src/wire/format';
import { encodeFrame, FrameReader } from '../src/wire/framing';
import { TestEnv } from './support/harness';
import { frame, helloBytes, RawClient } from './support/raw-client';

describe('FrameReader', () => {
  const startApi = frame(71, 2, 1, '');

  it('reassembles frames split at every byte and separates frames sharing a chunk', () => {
    const reader = new FrameReader();
    const bytes = Buffer.concat([helloBytes(), startApi, frame(49, 1), frame(8, 1, 1)]);
    const events = [...bytes].flatMap((byte) => reader.push(Buffer.from([byte])));
    expect(events).toEqual([
      { kind: 'hello', versionText: 'v100..193' },
      { kind: 'message', fields: ['71', '2', '1', ''] },
      { kind: 'message', fields: ['49', '1'] },
      { kind: 'message', fields: ['8', '1', '1'] },
    ]);
    const together = new FrameReader().push(bytes);
    expect(together).toEqual(events);
  });

  it('reports a frame without NUL terminator and carries on with the next one', () => {
    const reader = new FrameReader();
    const unterminated = Buffer.from([0, 0, 0, 2, 0x34, 0x39]);
    const events = reader.push(Buffer.concat([helloBytes(), unterminated, frame(49, 1)]));
    expect(events.map((e) => e.kind)).toEqual(['hello', 'malformed', 'message']);
    expect(events[1]).toMatchObject({ fatal: false });
  });

  it('gives up on a missing "API\\0" prefix or an absurd length', () => {
    expect(new FrameReader().push(Buffer.from('GET / HTTP/1.1\r\n'))).toMatchObject([{ kind: 'malformed', fatal: true }]);
    const oversized = Buffer.from([0xff, 0xff, 0xff, 0xff]);
    const events = new FrameReader().push(Buffer.concat([helloBytes(), oversized]));
    expect(events.map((e) => [e.kind, e.kind === 'malformed' && e.fatal])).toEqual([
      ['hello', false],
      ['malformed', true],
    ]);
  });

  it('writes the length prefix counting the final NUL', () => {
    expect(encodeFrame(['49', '1'])).toEqual(Buffer.from([0, 0, 0, 5, 0x34, 0x39, 0, 0x31, 0]));
  });
});

describe('value formatting', () => {
  it('writes doubles in shortest round-trip form and unset ones as Double.MAX_VALUE', () => {
    expect([double(190.25), double(0.1 + 0.2), double(1e-7), double(undefined), double(NaN)]).toEqual([
      '190.25', '0.30000000000000004', '1e-7', UNSET_DOUBLE, UNSET_DOUBLE,
    ]);
    expect(parseFloat(UNSET_DOUBLE)).toBe(Number.MAX_VALUE);
  });

  it('formats IB timestamps and reads the execution-filter time forms', () => {
    const at = Date.UTC(2026, 0, 2, 3, 4, 5);
    expect(ibTimestamp(at)).toBe('20260102 03:04:05 UTC');
    expect(parseIbFilterTime('20260102-03:04:05')).toBe(at);
    expect(parseIbFilterTime('20260102 03:04:05 UTC')).toBe(at);
    expect(parseIbFilterTime('20260102')).toBe(Date.UTC(2026, 0, 2));
    expect(parseIbFilterTime('yesterday')).toBeUndefined();
  });
});

describe('raw sockets against the simulator', () => {
  const env = new TestEnv();
  const raws: RawClient[] = [];
  afterEach(async () => {
    raws.splice(0).forEach((raw) => raw.close());
    await env.cleanUp();
  });
  const open = async (port: number) => {
    const raw = await RawClient.open(port);
    raws.push(raw);
    return raw;
  };

  it('handles a handshake trickled byte by byte and several requests in one chunk', async () => {
    const sim = await env.simulator({ firstOrderId: 17 });
    const raw = await open(sim.port);
    await raw.trickle(Buffer.concat([helloBytes(), frame(71, 2, 8, '')]));
    expect(await raw.waitForMessage(9)).toEqual(['9', '1', '17']);
    expect(raw.frames[0][0]).toBe('193');
    expect(raw.frames[0][1]).toMatch(/^\d{8} \d{2}:\d{2}:\d{2} UTC$/);

    raw.write(Buffer.concat([frame(49, 1), frame(5, 1), frame(61, 1)]));
    await raw.waitForMessage(62);
    expect(raw.frames.slice(-3).map((f) => f[0])).toEqual(['49', '53', '62']);
  });

  it('counts malformed frames as decode errors, answers 320 and keeps serving', async () => {
    const sim = await env.simulator();
    const decodeErrors: Error[] = [];
    sim.on('decodeError', (error) => decodeErrors.push(error));
    const raw = await open(sim.port);
    raw.write(Buffer.concat([helloBytes(), frame(71, 2, 1, '')]));
    await raw.waitForMessage(9);

    raw.write(Buffer.from([0, 0, 0, 2, 0x34, 0x39])); // no NUL terminator
    raw.write(frame(3, 'x')); // PLACE_ORDER with a non-numeric order id
    raw.write(frame(3, 12, 0, 'AAPL')); // PLACE_ORDER cut short
    raw.write(frame(49, 1));
    await raw.waitForMessage(49);

    expect(decodeErrors.map((e) => e.message)).toEqual([
      'frame does not end with a NUL terminator',
      'field orderId is not an integer: "x"',
      'missing field secType (index 4)',
    ]);
    expect(sim.stats.decodeErrors).toBe(3);
    const notices = raw.frames.filter((f) => f[0] === '4' && f[3] === '320');
    expect(notices.map((f) => f[2])).toEqual(['-1', '-1', '12']);
    expect(sim.orders).toEqual([]);
  });

  it('closes a connection that does not speak the protocol, and still accepts others', async () => {
    const sim = await env.simulator();
    const bad = await open(sim.port);
    bad.write(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
    await bad.closed;
    expect(sim.stats.decodeErrors).toBe(1);

    const good = await open(sim.port);
    good.write(Buffer.concat([helloBytes('v100..150'), frame(71, 2, 1, '')]));
    await good.closed; // 150 is below what the simulator speaks: refused
    const modern = await open(sim.port);
    modern.write(Buffer.concat([helloBytes('v100..176'), frame(71, 2, 1, '')]));
    await modern.waitForMessage(9);
    expect(modern.frames[0][0]).toBe('176');
  });
});
