import type { AccountValues } from '@tradehook/contracts';
import { Amount } from '../../../components/Amount';
import { Time } from '../../../components/Time';
import { MONEY, PNL } from '../../../lib/numbers';

const VALUES: Array<[keyof AccountValues, string]> = [
  ['netLiquidation', 'Net liquidation'], ['availableFunds', 'Available funds'], ['buyingPower', 'Buying power'],
];
const TODAY: Array<[keyof AccountValues, string]> = [
  ['dailyPnl', 'Daily P&L'], ['unrealizedPnl', 'Unrealized'], ['realizedPnl', 'Realized'],
];

/** One account's values and today's P&L, as of when IB reported them (stale, and saying so, while IB is away). */
export function AccountCard({ account, connected }: { account: AccountValues; connected: boolean }) {
  const titleId = `account-${account.account}`;
  const currency = account.currency ?? undefined;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>
        Account {account.account}
        <span className={`mode mode-${account.paper ? 'paper' : 'live'}`}>{account.paper ? 'Paper' : 'Live'}</span>
      </h2>
      <dl className="facts figures">
        {VALUES.map(([key, label]) => (
          <FigureRow key={key} label={label}>
            <Amount value={account[key] as string | null} format={MONEY} suffix={currency} />
          </FigureRow>
        ))}
      </dl>
      <h3>Today&apos;s P&amp;L</h3>
      <dl className="counts pnl">
        {TODAY.map(([key, label]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd><Amount value={account[key] as string | null} format={PNL} /></dd>
          </div>
        ))}
      </dl>
      <p className={connected ? 'muted small' : 'stale small'}>
        {connected ? 'As of ' : 'IB is disconnected: figures as of '}
        {account.asOf ? <Time iso={account.asOf} /> : 'never reported'}
        {currency ? ` · in ${currency}` : null}
      </p>
    </section>
  );
}

function FigureRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="num">{children}</dd>
    </>
  );
}
