import { AccountGuard, isPaperAccount, liveAccountRefusal } from '../../src/ib/account-guard';

describe('paper or live, by the account', () => {
  it('IB paper accounts start with D; anything else trades real money', () => {
    expect(['DU1234567', 'DF1234567', 'DI7654321'].map(isPaperAccount)).toEqual([true, true, true]);
    expect(['U1234567', 'F1234567', 'I7654321', 'du1234567'].map(isPaperAccount)).toEqual([false, false, false, false]);
  });

  it('refuses a live account without IB_ALLOW_LIVE, naming it — also one among paper ones — and an empty list', () => {
    expect(liveAccountRefusal(['DU1234567'], false)).toBeNull();
    expect(liveAccountRefusal(['U1234567'], true)).toBeNull();
    expect(liveAccountRefusal(['U1234567'], false)).toMatch(/U1234567 is a live .*IB_ALLOW_LIVE is not true/);
    expect(liveAccountRefusal(['DU1', 'U2'], false)).toMatch(/account U2 is a live/);
    expect(liveAccountRefusal([], true)).toMatch(/no account/);
  });
});

describe('AccountGuard', () => {
  /** A guard with one connection begun; `steps` are what IB sends, in order ('id' = nextValidId, else accounts). */
  function connect(allowLive: boolean, mode: 'paper' | 'live' | 'simulator', ...steps: string[]) {
    const guard = new AccountGuard(allowLive, mode);
    const c = { go: jest.fn(), refuse: jest.fn() };
    guard.begin(c);
    for (const step of steps) step === 'id' ? guard.nextValidId() : guard.named(step);
    return { guard, c };
  }

  it('lets a connection go once both nextValidId and paper accounts arrived, in either order, and once only', () => {
    for (const order of [['DU1234567,', 'id'], ['id', 'DU1234567,']]) {
      const { guard, c } = connect(false, 'paper', ...order, 'id'); // the last: IB answering reqIds later on
      expect([c.go.mock.calls.length, c.refuse.mock.calls.length]).toEqual([1, 0]);
      expect(guard.shown()).toEqual({ mode: 'paper', account: 'DU1234567' });
    }
  });

  it('refuses a live account before anything goes out, whatever came first, and shows the mode as live', () => {
    const { guard, c } = connect(false, 'paper', 'id', 'U1234567');
    expect(c.go).not.toHaveBeenCalled();
    expect(c.refuse).toHaveBeenCalledWith(expect.stringMatching(/U1234567/));
    expect(guard.shown()).toEqual({ mode: 'live', account: 'U1234567' });
  });

  it('refuses a connection already trading when IB names a live account later', () => {
    const { c } = connect(false, 'paper', 'DU1234567', 'id', 'DU1234567,U7654321');
    expect([c.go.mock.calls.length, c.refuse.mock.calls.length]).toEqual([1, 1]);
  });

  it('with IB_ALLOW_LIVE a live account trades and the mode says live; a paper account on a "live" port says paper', () => {
    const live = connect(true, 'paper', 'U1234567', 'id');
    expect(live.c.go).toHaveBeenCalledTimes(1);
    expect(live.guard.shown().mode).toBe('live');
    expect(connect(true, 'live', 'DU1234567').guard.shown().mode).toBe('paper');
  });

  it('the built-in simulator keeps its mode, and is still refused with a live-looking account', () => {
    const { guard, c } = connect(false, 'simulator', 'U1234567');
    expect(guard.shown().mode).toBe('simulator');
    expect(c.refuse).toHaveBeenCalled();
  });
});
