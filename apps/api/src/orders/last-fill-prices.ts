import type { DataSource } from 'typeorm';

const key = (secType: string, symbol: string) => `${secType}:${symbol.toUpperCase()}`;

/**
 * The latest price IB filled each instrument at. Max notional must not trust the price an alert claims alone (a
 * strategy bug sending price 0 would pass any limit): the check uses the higher of the two.
 */
export class LastFillPrices {
  private readonly prices = new Map<string, number>();

  constructor(private readonly db: DataSource) {}

  /** The past week's last fills, once at start; from then on each execution as IB reports it. */
  async load(): Promise<void> {
    const rows: Array<{ sec_type: string; symbol: string; price: number }> = await this.db.query(
      `SELECT DISTINCT ON (sec_type, symbol) sec_type, symbol, price::float8 AS price FROM executions
       WHERE executed_at > now() - interval '7 days' ORDER BY sec_type, symbol, executed_at DESC`);
    for (const r of rows) this.prices.set(key(r.sec_type, r.symbol), r.price);
  }

  observe(secType: string, symbol: string, price: number): void {
    if (Number.isFinite(price) && price > 0) this.prices.set(key(secType, symbol), price);
  }

  get(secType: string, symbol: string): number | null {
    return this.prices.get(key(secType, symbol)) ?? null;
  }
}
