/** What the IB adapter reports to the rest of Tradehook, in our words and exact decimals. */

export interface OrderReport {
  ibOrderId: number;
  clientId: number | null;
  permId: number | null;
  orderRef: string | null;
  /** IB's status word: PreSubmitted, Submitted, Filled, Cancelled, Inactive… */
  ibStatus: string;
  filled: string | null;
  remaining: string | null;
  avgFillPrice: string | null;
}

export interface ExecutionReport {
  execId: string;
  ibOrderId: number;
  clientId: number;
  permId: number;
  symbol: string;
  secType: string;
  exchange: string;
  currency: string;
  side: 'BUY' | 'SELL';
  shares: string;
  price: string;
  cumQty: string;
  avgPrice: string;
  executedAt: Date;
  account: string;
  orderRef: string | null;
  /** IB's contract id and local symbol (ESZ6), from the execution's contract. */
  conId: number | null;
  localSymbol: string | null;
}

export interface CommissionReport {
  execId: string;
  commission: string | null;
  currency: string | null;
  realizedPnl: string | null;
}

export interface OrderError {
  ibOrderId: number;
  code: number;
  message: string;
}

/** Receives everything IB says about orders; implemented by the order ledger. */
export interface IbEventSink {
  orderReport(report: OrderReport): void;
  execution(report: ExecutionReport): void;
  commission(report: CommissionReport): void;
  orderError(error: OrderError): void;
}

/** The contract and order as we ask IB to trade them. */
export interface ContractSpec {
  symbol: string;
  secType: string;
  exchange: string;
  primaryExchange: string | null;
  currency: string;
  localSymbol: string | null;
  multiplier: string | null;
  lastTradeDate: string | null;
}

export interface OrderSpec {
  side: 'BUY' | 'SELL';
  quantity: string;
  orderType: string;
  limitPrice: string | null;
  stopPrice: string | null;
  tif: string;
  orderRef: string;
  /** A bracket's exits share one OCA group (ocaType 1: the others cancel when one fills). */
  ocaGroup?: string | null;
  /** TRAIL: the trailing distance in points (IB's auxPrice) or in percent. */
  trailingAmount?: string | null;
  trailingPercent?: string | null;
  outsideRth?: boolean;
}

/** How an order of a bracket is linked when sent: its parent's IB id, and whether it releases the group. */
export interface OrderLink {
  parentIbOrderId: number | null;
  transmit: boolean;
}
