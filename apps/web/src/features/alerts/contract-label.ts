import type { ResolvedContract } from '@tradehook/contracts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "202612" → "Dec 2026"; a full expiry date or anything else is shown as IB gave it. */
function contractMonth(value: string): string {
  const m = /^(\d{4})(\d{2})$/.exec(value);
  return m && MONTHS[Number(m[2]) - 1] ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : value;
}

/** What the alert trades at IB, in one line: "FUT ESZ6 on CME, Dec 2026", "STK AAPL on SMART (NASDAQ)", "CASH EUR.USD on IDEALPRO". */
export function contractLabel(c: ResolvedContract | null): string {
  if (!c) return '—';
  const name = c.secType === 'CASH' ? `${c.symbol}.${c.currency}` : c.localSymbol ?? c.symbol;
  const primary = c.primaryExchange ? ` (${c.primaryExchange})` : '';
  const month = c.lastTradeDate ? `, ${contractMonth(c.lastTradeDate)}` : '';
  const currency = c.secType === 'CASH' || c.currency === 'USD' ? '' : ` in ${c.currency}`;
  return `${c.secType} ${name} on ${c.exchange}${primary}${month}${currency}`;
}
