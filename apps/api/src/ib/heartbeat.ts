/**
 * A Gateway that hangs (a frozen process, a half-open link) closes nothing and sends no error, and the TWS protocol
 * has no keepalive: orders would be written into a void. While connected, anything IB sends is a sign of life;
 * after `intervalMs` of silence we ask for the server time, and when nothing at all has arrived `timeoutMs` later
 * the connection is declared dead (the session then reconnects and reconciles).
 */
export class Heartbeat {
  private lastHeard = 0;
  private probed = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: { intervalMs: number; timeoutMs: number },
    private readonly probe: () => void,
    private readonly onDead: (silentMs: number) => void,
  ) {}

  start(): void {
    this.stop();
    this.heard();
    this.timer = setInterval(() => this.check(), Math.max(50, Math.min(this.options.intervalMs, this.options.timeoutMs) / 4));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  heard(): void {
    this.lastHeard = Date.now();
    this.probed = false;
  }

  private check(): void {
    const silent = Date.now() - this.lastHeard;
    if (silent >= this.options.intervalMs + this.options.timeoutMs) {
      this.stop();
      this.onDead(silent);
    } else if (silent >= this.options.intervalMs && !this.probed) {
      this.probed = true;
      this.probe();
    }
  }
}
