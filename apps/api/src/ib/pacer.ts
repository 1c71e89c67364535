/**
 * IB counts every client message in any sliding second; past 50 it answers error 100 and may drop us.
 * A sliding-window log enforces exactly that rule on our side, so a full budget can be used without crossing it.
 */
export class Pacer {
  private readonly sent: number[] = [];
  private waiters: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly maxPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Resolves when one more message may go out now; callers must send synchronously after it resolves. */
  acquire(): Promise<void> {
    if (this.waiters.length === 0 && this.tryTake()) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.schedule();
    });
  }

  /** Takes a slot if one is free right now (for messages that must not wait, counted all the same). */
  tryTake(): boolean {
    const t = this.now();
    while (this.sent.length && t - this.sent[0] >= 1000) this.sent.shift();
    if (this.sent.length >= this.maxPerSecond) return false;
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
    const wait = this.sent.length ? Math.max(0, 1000 - (this.now() - this.sent[0])) : 0;
    this.timer = setTimeout(() => {
      this.timer = null;
      while (this.waiters.length && this.tryTake()) this.waiters.shift()!();
      if (this.waiters.length) this.schedule();
    }, Math.ceil(wait) + 1);
  }
}
