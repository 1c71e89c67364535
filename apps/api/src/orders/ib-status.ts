import type { OrderStatus } from '@tradehook/contracts';

/** IB's order status words → ours. Everything not final is "working". */
export function orderStatusFromIb(ibStatus: string): OrderStatus {
  switch (ibStatus) {
    case 'Filled':
      return 'filled';
    case 'Cancelled':
    case 'ApiCancelled':
      return 'cancelled';
    case 'Inactive':
      return 'rejected';
    default:
      return 'working';
  }
}

/** Error codes about an order that leave it alive (warnings, a cancel that could not be done). */
const NON_FATAL = new Set([161, 202, 399, 404, 434, 10147, 10148, 10149, 10167, 10268]);

export function isFatalOrderError(code: number): boolean {
  return !NON_FATAL.has(code) && !(code >= 2100 && code < 2200);
}
