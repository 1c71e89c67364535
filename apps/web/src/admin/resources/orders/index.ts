import type { Order } from '@tradehook/contracts';
import { OrderIcon } from '../../shared/icons';
import { OrderList } from './list';
import { OrderShow } from './show';

/** What Tradehook asked IB to do, one per placed alert. Read-only; a working order can be cancelled. */
export const orders = {
  list: OrderList,
  show: OrderShow,
  icon: OrderIcon,
  recordRepresentation: (order: Order) => `#${order.id} ${order.side} ${order.quantity} ${order.symbol}`,
};
