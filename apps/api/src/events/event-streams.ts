import type { ServerResponse } from 'node:http';

interface OpenStream {
  out: ServerResponse;
  sessionKey: string;
}

/**
 * The live event streams held open, by session: a session may hold a few (one per tab), a signed-out or revoked
 * session none. Streams of sessions that ended elsewhere (expiry, a password change, the CLI, another replica) are
 * found by a periodic check and closed.
 */
export class EventStreams {
  private readonly open = new Set<OpenStream>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly maxPerSession: number,
    private readonly stillValid: (keys: string[]) => Promise<Set<string>>,
    private readonly checkEveryMs = 5_000,
  ) {}

  /** Holds `out` for `sessionKey`; false (nothing held) when the session already holds its maximum. */
  add(sessionKey: string, out: ServerResponse): boolean {
    if (this.countFor(sessionKey) >= this.maxPerSession) return false;
    const stream = { out, sessionKey };
    this.open.add(stream);
    out.on('close', () => this.open.delete(stream));
    this.timer ??= setInterval(() => void this.closeEnded(), this.checkEveryMs).unref();
    return true;
  }

  countFor(sessionKey: string): number {
    let n = 0;
    for (const s of this.open) if (s.sessionKey === sessionKey) n += 1;
    return n;
  }

  get size(): number {
    return this.open.size;
  }

  /** Ends every stream of a session (sign-out). */
  closeSession(sessionKey: string): void {
    for (const s of this.open) if (s.sessionKey === sessionKey) s.out.end();
  }

  closeAll(): void {
    for (const s of this.open) s.out.end();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Ends the streams whose session is no longer valid. */
  async closeEnded(): Promise<void> {
    if (!this.open.size) return;
    const keys = [...new Set([...this.open].map((s) => s.sessionKey))];
    let valid: Set<string>;
    try {
      valid = await this.stillValid(keys);
    } catch {
      return; // database unreachable: keep the streams, check again next time
    }
    for (const s of this.open) if (!valid.has(s.sessionKey)) s.out.end();
  }
}
