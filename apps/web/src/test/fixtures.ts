import type {
  AccountOverview, AccountValues, Alert, ConsolidatedTrade, Position, PositionDrift, RecentTrade, Status, StrategyPosition,
} from '@tradehook/contracts';

export function makeStatus(overrides: Partial<Status> = {}): Status {
  return {
    status: 'ok',
    version: '0.1.0',
    startedAt: '2026-11-25T08:00:00.000Z',
    uptimeSeconds: 3720,
    database: { reachable: true, embedded: false, latencyMs: 2, error: null },
    ib: {
      mode: 'paper',
      state: 'connected',
      since: '2026-11-25T08:00:05.000Z',
      reason: null,
      host: '127.0.0.1',
      port: 4002,
      clientId: 7,
      account: 'DU1234567',
    },
    dispatch: { pending: 0, killSwitch: false },
    today: { accepted: 12, rejected: 3, duplicate: 1, orders: 11, fills: 9 },
    webhookUrl: 'https://hooks.example.com/webhook',
    ...overrides,
  };
}

export function makeAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 1,
    receivedAt: '2026-11-25T14:30:00.000Z',
    clientIp: '52.89.214.238',
    strategy: 'Strat Alpha',
    symbol: 'NQU4',
    exchange: 'CME_MINI',
    contract: null,
    price: '15000.50',
    direction: 'BUY',
    quantity: '2',
    orderType: 'MKT',
    alertText: 'Trade Alert!',
    externalId: null,
    status: 'placed',
    reason: null,
    httpStatus: 200,
    duplicateOf: null,
    order: { id: 10, ibOrderId: 1001, status: 'filled', quantity: '2', filled: '2', avgFillPrice: '15000.75' },
    ...overrides,
  };
}

export function makeRecentTrade(overrides: Partial<RecentTrade> = {}): RecentTrade {
  return {
    execId: '0000e0d5.6571e2a1.01.01',
    orderId: 1001,
    permId: 900001,
    symbol: 'EUR',
    secType: 'CASH',
    exchange: 'IDEALPRO',
    direction: 'BUY',
    price: '1.08765',
    avgPrice: '1.08760',
    quantity: '20000',
    cumQty: '25000',
    time: '2026-11-25T14:30:01.000Z',
    account: 'DU1234567',
    strategy: 'Strat Alpha',
    commission: null,
    commissionCurrency: null,
    realizedPnl: null,
    ...overrides,
  };
}

export function makeConsolidatedTrade(overrides: Partial<ConsolidatedTrade> = {}): ConsolidatedTrade {
  return {
    permId: 900001,
    orderId: 1001,
    symbol: 'EUR',
    direction: 'SELL',
    avgPrice: '1.08760',
    cumQty: '25000',
    time: '2026-11-25T14:30:01.000Z',
    executions: 2,
    alertId: 1,
    alertPrice: '1.08770',
    slippage: '0.00010',
    latencyMs: 180,
    strategy: 'Strat Alpha',
    commission: '2.00',
    commissionCurrency: 'USD',
    realizedPnl: null,
    ...overrides,
  };
}

const AAPL = {
  conId: 265598, symbol: 'AAPL', localSymbol: 'AAPL', secType: 'STK', exchange: 'NASDAQ', currency: 'USD', multiplier: null,
};

/** IB holds 10 AAPL bought at 190.25, now at 192.5. */
export function makePosition(overrides: Partial<Position> = {}): Position {
  return {
    account: 'DU1234567',
    ...AAPL,
    quantity: '10',
    avgCost: '190.25',
    marketPrice: '192.5',
    marketValue: '1925',
    unrealizedPnl: '22.5',
    realizedPnl: '-4.1',
    dailyPnl: '12',
    asOf: '2026-11-25T14:30:05.000Z',
    ...overrides,
  };
}

/** Strat Alpha's 10 AAPL, from its own fills. */
export function makeStrategyPosition(overrides: Partial<StrategyPosition> = {}): StrategyPosition {
  return {
    strategy: 'Strat Alpha',
    account: 'DU1234567',
    ...AAPL,
    quantity: '10',
    avgPrice: '190.25',
    realizedPnl: '-4.1',
    commission: '2',
    working: '0',
    lastFillAt: '2026-11-25T14:30:01.000Z',
    ...overrides,
  };
}

/** IB holds 13 AAPL where the strategies hold 10 (a manual trade of 3). */
export function makeDrift(overrides: Partial<PositionDrift> = {}): PositionDrift {
  return {
    account: 'DU1234567',
    ...AAPL,
    ibQuantity: '13',
    strategiesQuantity: '10',
    working: '0',
    difference: '3',
    since: '2026-11-25T14:31:00.000Z',
    ...overrides,
  };
}

export function makeAccountValues(overrides: Partial<AccountValues> = {}): AccountValues {
  return {
    account: 'DU1234567',
    paper: true,
    currency: 'USD',
    netLiquidation: '1002345.67',
    availableFunds: '998000',
    buyingPower: '3992000',
    dailyPnl: '1250.5',
    unrealizedPnl: '22.5',
    realizedPnl: '-75.125',
    asOf: '2026-11-25T14:30:05.000Z',
    ...overrides,
  };
}

export function makeAccountOverview(overrides: Partial<AccountOverview> = {}): AccountOverview {
  return { connected: true, accounts: [makeAccountValues()], ...overrides };
}
