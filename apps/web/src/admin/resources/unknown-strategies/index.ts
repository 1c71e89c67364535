import type { UnknownStrategy } from '@tradehook/contracts';
import { StrategyIcon } from '../../shared/icons';
import { UnknownStrategyList } from './list';

/** Strategy names seen in alerts but not configured (read-only; each row offers to configure it). */
export const unknownStrategies = {
  list: UnknownStrategyList,
  options: { label: 'Unconfigured names' },
  icon: StrategyIcon,
  recordRepresentation: (seen: UnknownStrategy) => seen.name,
};
