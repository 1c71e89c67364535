/**
 * IB counts every client message in any sliding second; past 50 it answers error 100 and may drop us.
 * A sliding-window log enforces exactly that rule on our side, so a full budget can be used without crossing it.
 * Messages are also spread out (at least 90 % of the even spacing apart): a window sent as one burst would reach
 * IB with a few ms of jitter between its first and the next window's messages, and a 3 ms stall on the Gateway's
 * side would then count 51 in a second; spread out, it takes a stall of ≈ 40 ms. The 10 % absorbs timer lateness,
 * so the whole budget is still used.
 */
export class Pacer {
  private readonly sent: number[] = [];
  private waiters: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly minGapMs: number;

  constructor(
    private readonly maxPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.minGapMs = (0.9 * 1000) / maxPerSecond;
  }

  /** Resolves when one more message may go out now; callers must send synchronously after it resolves. */
  acquire(): Promise<void> {
    if (this.waiters.length === 0 && this.tryTake()) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.schedule();
    });
  }

  /** A message that went out without asking (the client's START_API on connect): IB counts it, so do we. */
  record(): void {
    this.sent.push(this.now());
  }

  /** Takes a slot if one is free right now (for messages that must not wait, counted all the same). */
  tryTake(): boolean {
    const t = this.now();
    while (this.sent.length && t - this.sent[0] >= 1000) this.sent.shift();
    if (this.sent.length >= this.maxPerSecond || t - this.lastSent() < this.minGapMs) return false;
    this.sent.push(t);
    return true;
  }

  /** Abandons every waiter (disconnect): they resolve and must re-check the connection before sending. */
  releaseAll(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.waiters.splice(0).forEach((wake) => wake());
  }

  private schedule(): void {
    if (this.timer) return;
    const t = this.now();
    const windowWait = this.sent.length >= this.maxPerSecond ? 1000 - (t - this.sent[0]) : 0;
    const gapWait = this.minGapMs - (t - this.lastSent());
    // A timer that fires a little early finds no slot and simply waits again for the rest.
    this.timer = setTimeout(() => {
      this.timer = null;
      while (this.waiters.length && this.tryTake()) this.waiters.shift()!();
      if (this.waiters.length) this.schedule();
    }, Math.max(1, Math.ceil(Math.max(windowWait, gapWait))));
  }

  private lastSent(): number {
    return this.sent.length ? this.sent[this.sent.length - 1] : -Infinity;
  }
}
