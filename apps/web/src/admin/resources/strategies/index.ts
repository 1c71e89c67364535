import type { Strategy } from '@tradehook/contracts';
import { StrategyIcon } from '../../shared/icons';
import { StrategyCreate } from './create';
import { StrategyEdit } from './edit';
import { StrategyList } from './list';
import { StrategyShow } from './show';

/** Per-strategy risk rules and secret, matched by the alert's stratName. */
export const strategies = {
  list: StrategyList,
  show: StrategyShow,
  create: StrategyCreate,
  edit: StrategyEdit,
  icon: StrategyIcon,
  recordRepresentation: (strategy: Strategy) => strategy.name,
};
