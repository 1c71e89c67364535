import type { Execution } from '@tradehook/contracts';
import { ExecutionIcon } from '../../shared/icons';
import { ExecutionList } from './list';
import { ExecutionShow } from './show';

/** Fills reported by IB, with their commissions. Read-only. */
export const executions = {
  list: ExecutionList,
  show: ExecutionShow,
  icon: ExecutionIcon,
  recordRepresentation: (execution: Execution) =>
    `${execution.side} ${execution.shares} ${execution.symbol} @ ${execution.price}`,
};
