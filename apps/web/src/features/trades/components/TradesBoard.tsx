import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { queryRoots } from '../../../lib/query-keys';
import { ConsolidatedTradesTable } from './ConsolidatedTradesTable';
import { RecentTradesTable } from './RecentTradesTable';

/** Both trade tables side by side (stacked on narrow screens); live events keep them current. */
export function TradesBoard() {
  const queryClient = useQueryClient();
  const fetching = useIsFetching({ queryKey: queryRoots.trades }) > 0;
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryRoots.trades });

  return (
    <>
      <div className="toolbar">
        <p className="muted">New executions appear as they happen.</p>
        <button type="button" className="button" onClick={refresh} aria-busy={fetching}>
          {fetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <div className="split">
        <RecentTradesTable />
        <ConsolidatedTradesTable />
      </div>
    </>
  );
}
