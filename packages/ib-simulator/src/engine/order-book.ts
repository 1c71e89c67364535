/** Every order the simulator has seen, with the internal state the wire never shows. */
import type { SimOrder } from '../types';

export interface OrderRecord {
  order: SimOrder;
  /** False while a transmit=0 order waits for a later order of its group with transmit=1. */
  transmitted: boolean;
  /** A stop (STP / STP LMT / TRAIL / TRAIL LIMIT) whose stop price has been reached. */
  stopTriggered: boolean;
  /** The quantity the client placed: a bracket child works a share of it while its parent fills. */
  placedQuantity: number;
  /** Transmitted but waiting for the regular session (PreSubmitted), as IB holds an order without outsideRth. */
  awaitingSession?: boolean;
  /** Pending delayed fill (fillDelayMs > 0). */
  fillTimer?: NodeJS.Timeout;
  completedAtMs?: number;
}

export function isWorking(order: SimOrder): boolean {
  return order.status === 'PreSubmitted' || order.status === 'Submitted';
}

export class OrderBook {
  private readonly records: OrderRecord[] = [];

  add(record: OrderRecord): void {
    this.records.push(record);
  }

  all(): readonly OrderRecord[] {
    return this.records;
  }

  /** Order ids are only unique per client id. */
  find(clientId: number, orderId: number): OrderRecord | undefined {
    return this.records.find((r) => r.order.clientId === clientId && r.order.orderId === orderId && r.order.permId !== 0);
  }

  byPermId(permId: number): OrderRecord | undefined {
    return permId === 0 ? undefined : this.records.find((r) => r.order.permId === permId);
  }

  parentOf(record: OrderRecord): OrderRecord | undefined {
    const { parentId, clientId } = record.order;
    return parentId === 0 ? undefined : this.find(clientId, parentId);
  }

  childrenOf(record: OrderRecord): OrderRecord[] {
    const { orderId, clientId } = record.order;
    return this.records.filter((r) => r.order.clientId === clientId && r.order.parentId === orderId && r.order.permId !== 0);
  }

  /**
   * The working orders a fill of this one acts on: the members of its OCA group; without a group, its bracket
   * siblings (same parent) that have no group either (children in separate groups, e.g. scale-out targets, stay).
   */
  ocaSiblingsOf(record: OrderRecord): OrderRecord[] {
    const { order } = record;
    return this.records.filter((r) => {
      if (r === record || !isWorking(r.order)) return false;
      if (order.ocaGroup !== '') return r.order.account === order.account && r.order.ocaGroup === order.ocaGroup;
      return order.parentId !== 0 && r.order.ocaGroup === '' && r.order.clientId === order.clientId && r.order.parentId === order.parentId;
    });
  }

  working(): OrderRecord[] {
    return this.records.filter((r) => isWorking(r.order));
  }

  completed(): OrderRecord[] {
    return this.records.filter((r) => r.order.status === 'Filled' || r.order.status === 'Cancelled');
  }
}
