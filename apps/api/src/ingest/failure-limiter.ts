/** Addresses tracked in one minute, at most; a flood from more addresses than this is refused, not remembered. */
const MAX_TRACKED = 100_000;
const WINDOW_MS = 60_000;

/**
 * A lower limit for requests that fail without a valid secret: past `limitPerMinute` of them from one address in a
 * minute, further failures are refused (429) and not stored, so that a flood without the secret cannot become a
 * flood of rows. Only failures are counted and only failures refused: an authenticated alert from the same address
 * (TradingView sends every user's alerts from a few shared addresses) still gets through, under the normal rate limit.
 *
 * A fixed window, restarted every minute: at most twice the limit can pass around the turn of a minute. IPv6
 * addresses count per /64 (one subscriber's network), so hopping through a prefix does not reset the count.
 */
export class FailureLimiter {
  private windowStart = -Infinity;
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly limitPerMinute: number,
    /** A failure was refused; `first`: the first refusal for this address in this minute (log it once). */
    private readonly onRefused: (address: string, first: boolean) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a failed request from `ip`: true when it may still be recorded, false when it must be refused. */
  admit(ip: string): boolean {
    if (this.limitPerMinute <= 0) return true;
    const now = this.now();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.counts.clear();
    }
    const key = addressKey(ip);
    const seen = this.counts.get(key);
    if (seen === undefined && this.counts.size >= MAX_TRACKED) {
      this.onRefused(key, false);
      return false;
    }
    const count = (seen ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= this.limitPerMinute) return true;
    this.onRefused(key, count === this.limitPerMinute + 1);
    return false;
  }
}

/** An IPv4 address as it is (also when IPv4-mapped), an IPv6 address as its /64 prefix. */
export function addressKey(ip: string): string {
  if (!ip.includes(':')) return ip;
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip)) return ip.slice(7);
  const [head, tail] = ip.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
