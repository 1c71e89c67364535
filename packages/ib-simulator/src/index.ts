export { IbSimulator } from './simulator';
export type {
  IbSimulatorEvents,
  OrderStatusName,
  RandomWalkOptions,
  SimExecution,
  SimOrder,
  SimulatorOptions,
  SimulatorStats,
} from './types';
