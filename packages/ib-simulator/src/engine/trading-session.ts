/**
 * Regular trading hours, as far as the simulator models them: stocks have one regular session a weekday (default
 * 09:30–16:00 America/New_York); every other security type is treated as always in its regular session (futures and
 * currencies trade nearly round the clock). Off by default: without `tradingHours` every moment is regular, so
 * orders behave as they always did. Holidays and half days are not modelled.
 */

export interface TradingHoursOptions {
  /** "HH:MM-HH:MM" in `timeZone` (default "09:30-16:00"). */
  regular?: string;
  /** IANA time zone (default "America/New_York"). */
  timeZone?: string;
}

interface Window {
  openMinute: number;
  closeMinute: number;
  timeZone: string;
}

const parseWindow = (text: string): { openMinute: number; closeMinute: number } => {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`trading hours must read HH:MM-HH:MM, got "${text}"`);
  const [, oh, om, ch, cm] = match.map(Number);
  return { openMinute: oh * 60 + om, closeMinute: ch * 60 + cm };
};

/** Local date (YYYYMMDD), weekday (0 = Sunday) and minute of day of an instant in a time zone. */
function localTime(ms: number, timeZone: string): { date: string; weekday: number; minute: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(ms)).map((p) => [p.type, p.value]),
  );
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday);
  return { date: `${parts.year}${parts.month}${parts.day}`, weekday, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

const hhmm = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}${String(minute % 60).padStart(2, '0')}`;

export class TradingSession {
  private readonly window: Window | undefined;

  constructor(options: TradingHoursOptions | undefined, private readonly now: () => number) {
    if (!options) return;
    this.window = { ...parseWindow(options.regular ?? '09:30-16:00'), timeZone: options.timeZone ?? 'America/New_York' };
  }

  /** Whether hours are enforced at all. */
  get enforced(): boolean {
    return this.window !== undefined;
  }

  /** True when a contract of this security type is in its regular session now. */
  isRegular(secType: string): boolean {
    const { window } = this;
    if (!window || secType !== 'STK') return true;
    const { weekday, minute } = localTime(this.now(), window.timeZone);
    return weekday >= 1 && weekday <= 5 && minute >= window.openMinute && minute < window.closeMinute;
  }

  /** IB's liquidHours for today ("20260126:0930-20260126:1600"), or '' when hours are not modelled for the type. */
  liquidHours(secType: string): string {
    const { window } = this;
    if (!window || secType !== 'STK') return '';
    const { date, weekday } = localTime(this.now(), window.timeZone);
    if (weekday === 0 || weekday === 6) return `${date}:CLOSED`;
    return `${date}:${hhmm(window.openMinute)}-${date}:${hhmm(window.closeMinute)}`;
  }

  /**
   * IB's warning 399 for an order held until the open: "Order Message:\nBUY 10 AAPL SMART\nWarning: your order
   * will not be placed at the exchange until 2026-11-23 09:30:00 America/New_York".
   */
  holdWarning(what: string): string {
    return `Order Message:\n${what}\nWarning: your order will not be placed at the exchange until ${this.nextOpen()}`;
  }

  private nextOpen(): string {
    const window = this.window ?? { openMinute: 0, timeZone: 'UTC' };
    const now = this.now();
    for (let day = 0; ; day++) {
      const { date, weekday, minute } = localTime(now + day * 86_400_000, window.timeZone);
      if (weekday < 1 || weekday > 5 || (day === 0 && minute >= window.openMinute)) continue;
      const time = hhmm(window.openMinute);
      return `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)} ${time.slice(0, 2)}:${time.slice(2)}:00 ${window.timeZone}`;
    }
  }

  timeZoneId(fallback: string): string {
    return this.window?.timeZone ?? fallback;
  }
}
