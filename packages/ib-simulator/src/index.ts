export { IbSimulator } from './simulator';
export { DEFAULT_SYMBOLS } from './engine/instruments';
export type {
  IbSimulatorEvents,
  MarketDataMode,
  OrderStatusName,
  RandomWalkOptions,
  SimExecution,
  SimOrder,
  SimulatorOptions,
  SimulatorStats,
} from './types';
