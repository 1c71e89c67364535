import type { PositionDrift, StrategyPosition, StrategyPositions } from '@tradehook/contracts';
import type { DataSource } from 'typeorm';
import { sumBy, workingOrders } from './working-orders';

const POSITION_COLUMNS = `strategy_key, strategy, account, contract_key, con_id, symbol, local_symbol, sec_type, exchange, currency,
  multiplier::text, quantity::text, avg_price::text, (gross_realized - commission)::text AS realized, commission::text, last_fill_at`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const decimal = (n: number) => String(Math.round(n * 1e10) / 1e10);

/** GET /api/strategy-positions: every strategy position with its working orders, and the contracts that drift. */
export async function strategyPositions(db: DataSource, defaultAccount: () => string | null): Promise<StrategyPositions> {
  const [rows, working, drift] = await Promise.all([
    db.query(`SELECT ${POSITION_COLUMNS} FROM strategy_positions ORDER BY strategy, symbol, account`),
    workingOrders(db),
    // A drifting contract is one a strategy trades: its naming comes from that strategy's position.
    db.query(`SELECT d.account, d.con_id, p.symbol, p.local_symbol, p.sec_type, p.exchange, p.currency, p.multiplier::text,
                d.ib_quantity::text, d.strategies_quantity::text, d.working::text,
                (d.ib_quantity - d.strategies_quantity)::text AS difference, d.since
              FROM position_drift d CROSS JOIN LATERAL (
                SELECT * FROM strategy_positions p WHERE p.account = d.account AND p.con_id = d.con_id LIMIT 1) p
              ORDER BY d.since`),
  ]);
  const strategyWorking = working.filter((w) => !w.sync);
  const workingOf = sumBy(strategyWorking, (w) => `${w.strategyKey}\0${w.contractKey}`, (w) => w.open);
  const positions: StrategyPosition[] = rows.map((r: Record<string, any>) => ({
    strategy: r.strategy, account: r.account, conId: r.con_id === null ? null : Number(r.con_id), symbol: r.symbol,
    localSymbol: r.local_symbol, secType: r.sec_type, exchange: r.exchange, currency: r.currency, multiplier: r.multiplier,
    quantity: r.quantity, avgPrice: r.avg_price, realizedPnl: r.realized, commission: r.commission,
    working: decimal(workingOf.get(`${r.strategy_key}\0${r.contract_key}`) ?? 0), lastFillAt: iso(r.last_fill_at),
  }));
  // Working orders of a strategy that has no fill in that contract yet: shown as a flat position with working quantity.
  const held = new Set(rows.map((r: Record<string, string>) => `${r.strategy_key}\0${r.contract_key}`));
  for (const w of strategyWorking) {
    const k = `${w.strategyKey}\0${w.contractKey}`;
    if (held.has(k) || w.strategy === null) continue;
    held.add(k);
    positions.push({
      strategy: w.strategy, account: defaultAccount() ?? '', conId: null, symbol: w.symbol, localSymbol: w.localSymbol,
      secType: w.secType, exchange: w.exchange, currency: w.currency, multiplier: w.multiplier, quantity: '0', avgPrice: null,
      realizedPnl: '0', commission: '0', working: decimal(workingOf.get(k) ?? 0), lastFillAt: null,
    });
  }
  return { positions, drift: drift.map(driftOf) };
}

function driftOf(r: Record<string, any>): PositionDrift {
  return {
    account: r.account, conId: Number(r.con_id), symbol: r.symbol, localSymbol: r.local_symbol, secType: r.sec_type,
    exchange: r.exchange, currency: r.currency, multiplier: r.multiplier, ibQuantity: r.ib_quantity,
    strategiesQuantity: r.strategies_quantity, working: r.working, difference: r.difference, since: new Date(r.since).toISOString(),
  };
}
