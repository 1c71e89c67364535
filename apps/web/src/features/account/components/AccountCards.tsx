import { useAccount } from '../api/get-account';
import { AccountCard } from './AccountCard';

/** Every IB account's values and today's P&L, live. */
export function AccountCards() {
  const { data, isPending, error } = useAccount();
  if (isPending) return <p role="status">Loading account…</p>;
  if (error) return <p className="error-text">Account unavailable: {error.message}</p>;
  if (data.accounts.length === 0) {
    return <p className="muted">{data.connected ? 'IB has not reported account values yet.' : 'No account values yet: IB is not connected.'}</p>;
  }
  return (
    <div className="cards accounts">
      {data.accounts.map((account) => <AccountCard key={account.account} account={account} connected={data.connected} />)}
    </div>
  );
}
