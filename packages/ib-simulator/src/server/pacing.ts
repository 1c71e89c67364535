/** TWS's message pacing: at most `limit` client messages inside any sliding one-second window. */
export class PacingWindow {
  private readonly arrivals: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs = 1000,
  ) {}

  /** Records one message at `nowMs`; false when it is one too many for the window. */
  admit(nowMs: number): boolean {
    this.arrivals.push(nowMs);
    while (this.arrivals.length && this.arrivals[0] <= nowMs - this.windowMs) this.arrivals.shift();
    return this.arrivals.length <= this.limit;
  }
}
