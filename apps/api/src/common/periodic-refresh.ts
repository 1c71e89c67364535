/** Loads now, then every `intervalMs` (to see changes another replica made), until stopped. */
export class PeriodicRefresh {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly load: () => Promise<unknown>, private readonly intervalMs = 5_000) {}

  async start(): Promise<void> {
    await this.load();
    this.timer = setInterval(() => void this.load().catch(() => undefined), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
