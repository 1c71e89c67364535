/** The ExecutionFilter of reqExecutions: empty / zero fields match everything. */
import type { SimExecution } from '../types';
import type { ExecutionFilter } from '../wire/client-requests';
import { parseIbFilterTime } from '../wire/format';

const SIDE_BY_ACTION: Record<string, SimExecution['side']> = { BUY: 'BOT', SELL: 'SLD', BOT: 'BOT', SLD: 'SLD' };

export function matchesFilter(execution: SimExecution, filter: ExecutionFilter): boolean {
  const sameText = (wanted: string, actual: string) => wanted === '' || wanted.toUpperCase() === actual.toUpperCase();
  if (filter.clientId !== 0 && filter.clientId !== execution.clientId) return false;
  if (!sameText(filter.acctCode, execution.account)) return false;
  if (!sameText(filter.symbol, execution.symbol)) return false;
  if (!sameText(filter.secType, execution.secType)) return false;
  if (!sameText(filter.exchange, execution.exchange)) return false;
  if (filter.side !== '' && SIDE_BY_ACTION[filter.side.toUpperCase()] !== execution.side) return false;
  const since = filter.time === '' ? undefined : parseIbFilterTime(filter.time);
  const at = parseIbFilterTime(execution.time);
  return since === undefined || at === undefined || at >= since;
}
