/** Every order the simulator has seen, with the internal state the wire never shows. */
import type { SimOrder } from '../types';

export interface OrderRecord {
  order: SimOrder;
  /** False while a transmit=0 order waits for a later order of its group with transmit=1. */
  transmitted: boolean;
  /** A stop (STP / STP LMT) whose stop price has been reached. */
  stopTriggered: boolean;
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

  /** Orders cancelled when this one fills: bracket siblings (same parent) and members of its OCA group. */
  ocaSiblingsOf(record: OrderRecord): OrderRecord[] {
    const { order } = record;
    return this.records.filter((r) => {
      if (r === record || !isWorking(r.order)) return false;
      const sameBracket = order.parentId !== 0 && r.order.clientId === order.clientId && r.order.parentId === order.parentId;
      const sameOcaGroup = order.ocaGroup !== '' && r.order.account === order.account && r.order.ocaGroup === order.ocaGroup;
      return sameBracket || sameOcaGroup;
    });
  }

  working(): OrderRecord[] {
    return this.records.filter((r) => isWorking(r.order));
  }

  completed(): OrderRecord[] {
    return this.records.filter((r) => r.order.status === 'Filled' || r.order.status === 'Cancelled');
  }
}
