/**
 * A contract as the order asked for it: IB's conId is only known once a fill reports it, while a strategy's
 * position (and its working orders) must be found before the first order. Futures carry their local symbol (ESZ6).
 */
export interface ContractNaming {
  secType: string;
  symbol: string;
  localSymbol: string | null;
  currency: string;
}

export const contractKeyOf = (c: ContractNaming): string => `${c.secType}:${c.localSymbol ?? c.symbol}:${c.currency}`;

/** The same key in SQL, over a table alias holding sec_type, local_symbol, symbol and currency (orders). */
export const contractKeySql = (alias: string): string =>
  `(${alias}.sec_type || ':' || coalesce(${alias}.local_symbol, ${alias}.symbol) || ':' || ${alias}.currency)`;

/** How a contract's position is named in live events: account and IB contract id. */
export const positionEventId = (account: string, conId: number | string | null): string => `${account}:${conId ?? ''}`;
