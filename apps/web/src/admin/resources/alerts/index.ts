import type { AlertDetail } from '@tradehook/contracts';
import { AlertIcon } from '../../shared/icons';
import { AlertList } from './list';
import { AlertShow } from './show';

/** Every webhook request and its fate. Read and delete; failed ones can be resent. */
export const alerts = {
  list: AlertList,
  show: AlertShow,
  icon: AlertIcon,
  recordRepresentation: (alert: AlertDetail) =>
    `#${alert.id} ${[alert.direction, alert.quantity, alert.symbol].filter(Boolean).join(' ') || alert.status}`,
};
