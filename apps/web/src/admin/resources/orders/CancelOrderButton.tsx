import type { OrderStatus } from '@tradehook/contracts';
import { RecordActionButton } from '../../shared/RecordActionButton';

/** Orders IB may still cancel (the API answers 409 for any other). */
export const CANCELLABLE: readonly OrderStatus[] = ['submitting', 'working'];

/** Asks IB to cancel a working order; the order's status changes when IB confirms. */
export function CancelOrderButton() {
  return (
    <RecordActionButton
      action="cancel"
      label="Cancel order"
      appliesTo={(order) => CANCELLABLE.includes(order.status)}
      confirmTitle="Cancel this order at Interactive Brokers?"
      confirmContent={(order) =>
        `Order #${order.id} (${order.side} ${order.remaining} ${order.symbol} still to fill). ` +
        'Whatever fills before IB processes the cancel stays filled.'
      }
      run={(dataProvider, order) => dataProvider.cancelOrder(order.id)}
      done={(_reply, order) => ({ message: `Cancel of order #${order.id} requested; IB will confirm it.`, type: 'info' })}
    />
  );
}
