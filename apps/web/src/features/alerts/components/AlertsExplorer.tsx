import type { Alert } from '@tradehook/contracts';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Pagination } from '../../../components/Pagination';
import { useDeleteAlert } from '../api/delete-alert';
import { useAlerts } from '../api/get-alerts';
import { readAlertQuery, writeAlertQuery, type AlertFilters } from '../search-params';
import { AlertFiltersForm } from './AlertFiltersForm';
import { AlertsTable } from './AlertsTable';

/** Every request the webhook received: filter (state kept in the URL), page, and delete with confirmation. */
export function AlertsExplorer() {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = readAlertQuery(searchParams);
  const filters: AlertFilters = { strategy: query.strategy, symbol: query.symbol, status: query.status };
  const alerts = useAlerts(query);
  const narrowed = Boolean(query.strategy || query.symbol || query.status || query.offset);
  const [toDelete, setToDelete] = useState<Alert | null>(null);
  const deletion = useDeleteAlert();

  const confirmDelete = () => {
    if (!toDelete) return;
    deletion.mutate(toDelete.id, { onSuccess: () => setToDelete(null) });
  };
  const cancelDelete = () => {
    setToDelete(null);
    deletion.reset();
  };

  return (
    <>
      {/* Keyed by the URL so back/forward navigation also resets the inputs. */}
      <AlertFiltersForm key={searchParams.toString()} value={filters} onApply={(f) => setSearchParams(writeAlertQuery(f))} />
      <AlertsTable
        caption="Alerts, newest first"
        alerts={alerts.data?.items}
        isLoading={alerts.isPending}
        error={alerts.error}
        emptyMessage={narrowed ? 'No alerts match these filters on this page.' : undefined}
        onDelete={setToDelete}
      />
      {alerts.data && alerts.data.total > 0 && (
        <Pagination
          label="Alerts pages"
          offset={query.offset ?? 0}
          limit={query.limit ?? 50}
          total={alerts.data.total}
          onChange={(offset) => setSearchParams(writeAlertQuery(filters, offset))}
        />
      )}
      <ConfirmDialog
        open={toDelete !== null}
        title="Delete this alert?"
        confirmLabel="Delete alert"
        busy={deletion.isPending}
        error={deletion.error?.message}
        onConfirm={confirmDelete}
        onCancel={cancelDelete}
      >
        {toDelete && (
          <p>
            Alert #{toDelete.id} ({toDelete.strategy ?? 'no strategy'} · {toDelete.symbol ?? 'no symbol'}) will be removed
            from the list. Only an alert that never led to an order can be deleted: one that traded is kept, so a
            retry of it stays a duplicate.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
