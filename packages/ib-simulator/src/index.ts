export { IbSimulator } from './simulator';
export { DEFAULT_SYMBOLS } from './engine/instruments';
export type { TradingHoursOptions } from './engine/trading-session';
export type { AccountSnapshot, ValuedPosition } from './engine/account-book';
export type {
  IbSimulatorEvents,
  ManualTrade,
  MarketDataMode,
  OrderStatusName,
  RandomWalkOptions,
  SimExecution,
  SimOrder,
  SimulatorOptions,
  SimulatorStats,
} from './types';
