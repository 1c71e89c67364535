/**
 * Which account values TWS reports under which names: the account summary's tags (with the $LEDGER families),
 * the keys of account updates, and the ledger-only subset of REQ_ACCOUNT_UPDATES_MULTI's ledgerAndNLV.
 */
import { type AccountSnapshot, BASE_CURRENCY } from '../engine/account-book';

export interface AccountValue {
  key: string;
  value: string;
  currency: string;
}

const amount = (key: string, value: number, currency = BASE_CURRENCY): AccountValue => ({ key, value: value.toFixed(2), currency });

/** The account summary's plain tags (reqAccountSummary's AccountSummaryTags) the simulator can answer. */
function summaryTags(s: AccountSnapshot): Record<string, AccountValue> {
  const initMargin = s.netLiquidation - s.availableFunds;
  const values = [
    { key: 'AccountType', value: 'INDIVIDUAL', currency: '' },
    amount('NetLiquidation', s.netLiquidation),
    amount('TotalCashValue', s.cash),
    amount('SettledCash', s.cash),
    amount('AccruedCash', 0),
    amount('BuyingPower', s.buyingPower),
    amount('EquityWithLoanValue', s.netLiquidation),
    amount('GrossPositionValue', s.grossPositionValue),
    amount('InitMarginReq', initMargin),
    amount('MaintMarginReq', initMargin),
    amount('AvailableFunds', s.availableFunds),
    amount('ExcessLiquidity', s.availableFunds),
    { key: 'Cushion', value: (s.netLiquidation ? s.availableFunds / s.netLiquidation : 0).toFixed(6), currency: '' },
    { key: 'Leverage', value: (s.netLiquidation ? s.grossPositionValue / s.netLiquidation : 0).toFixed(4), currency: '' },
  ];
  return Object.fromEntries(values.map((v) => [v.key, v]));
}

/** The ledger of one currency; IB names the base-currency total "BASE". */
function ledger(s: AccountSnapshot, currency: string): AccountValue[] {
  const stockValue = s.positions.reduce((sum, p) => sum + p.marketValue, 0);
  return [
    amount('CashBalance', s.cash, currency),
    amount('TotalCashBalance', s.cash, currency),
    amount('NetLiquidationByCurrency', s.netLiquidation, currency),
    amount('StockMarketValue', stockValue, currency),
    amount('UnrealizedPnL', s.unrealizedPnl, currency),
    amount('RealizedPnL', s.realizedPnl, currency),
    { key: 'ExchangeRate', value: '1.00', currency },
  ];
}

/**
 * The values reqAccountSummary returns for `tags`: known plain tags in the order asked; "$LEDGER" the base
 * currency's ledger, "$LEDGER:ALL" every currency's and the BASE total, "$LEDGER:USD" one currency's. Unknown
 * tags (and ledgers of currencies the account does not hold) are left out, as TWS does.
 */
export function summaryValues(s: AccountSnapshot, tags: readonly string[]): AccountValue[] {
  const plain = summaryTags(s);
  return tags.flatMap((tag) => {
    if (tag in plain) return [plain[tag]];
    const [family, currency] = tag.toUpperCase().split(':');
    if (family !== '$LEDGER') return [];
    if (currency === undefined) return ledger(s, BASE_CURRENCY);
    if (currency === 'ALL') return [...ledger(s, 'BASE'), ...ledger(s, BASE_CURRENCY)];
    return currency === BASE_CURRENCY ? ledger(s, currency) : [];
  });
}

/** Every key of account updates (REQ_ACCT_DATA), or with ledgerAndNLV only the ledger and net liquidation. */
export function accountUpdateValues(s: AccountSnapshot, ledgerAndNlvOnly = false): AccountValue[] {
  const nlv = amount('NetLiquidation', s.netLiquidation);
  if (ledgerAndNlvOnly) return [...ledger(s, 'BASE'), ...ledger(s, BASE_CURRENCY), nlv];
  const plain = Object.values(summaryTags(s));
  return [
    { key: 'AccountCode', value: s.account, currency: '' },
    { key: 'Currency', value: BASE_CURRENCY, currency: BASE_CURRENCY },
    ...plain, ...ledger(s, 'BASE'), ...ledger(s, BASE_CURRENCY),
  ];
}
