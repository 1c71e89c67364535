/**
 * Delivers the order engine's news: on the wire to the client id that placed the order (only if it is
 * connected; the engine has recorded everything anyway) and as events to the simulator's listeners.
 */
import type { EventEmitter } from 'node:events';
import type { OrderObserver } from '../engine/order-engine';
import type { IbSimulatorEvents, SimExecution, SimOrder } from '../types';
import { openOrder } from '../wire/order-messages';
import { commissionReport, errorMessage, executionData, orderStatus } from '../wire/server-messages';
import type { Session } from './session';

export class ClientNotifier implements OrderObserver {
  constructor(
    private readonly sessionOf: (clientId: number) => Session | undefined,
    private readonly events: Pick<EventEmitter<IbSimulatorEvents>, 'emit'>,
    /** Every execution (live or corrected), once its owner has been told: positions and P&L follow it. */
    private readonly afterExecution: (execution: SimExecution, order: SimOrder) => void = () => undefined,
  ) {}

  placed(order: SimOrder): void {
    this.events.emit('placeOrder', order);
  }

  openOrder(order: SimOrder): void {
    const session = this.sessionOf(order.clientId);
    session?.send(openOrder(session.serverVersion, order));
  }

  orderStatus(order: SimOrder, lastFillPrice: number): void {
    this.sessionOf(order.clientId)?.send(orderStatus(order, lastFillPrice));
  }

  executed(execution: SimExecution, order: SimOrder): void {
    const session = this.sessionOf(order.clientId);
    if (session) {
      session.send(executionData(session.serverVersion, -1, execution, order));
      session.send(commissionReport(execution));
    }
    this.afterExecution(execution, order);
    this.events.emit('execution', execution);
  }

  cancelled(order: SimOrder): void {
    this.events.emit('cancel', order);
  }

  orderMessage(clientId: number, orderId: number, code: number, message: string): void {
    const session = this.sessionOf(clientId);
    session?.send(errorMessage(session.serverVersion, orderId, code, message));
  }
}
