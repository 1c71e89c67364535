import type { Alert } from '@tradehook/contracts';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Pagination } from '../../../components/Pagination';
import { useCurrentUser } from '../../auth/api/get-current-user';
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
  // A viewer may look, not delete: no button that can only end in a 403.
  const mayDelete = useCurrentUser().data?.role !== 'viewer';
  const limit = query.limit ?? 50;

  // Past the last page (its last row deleted, or an offset typed by hand): go to the last page that has rows.
  const total = alerts.data?.total ?? 0;
  useEffect(() => {
    if (alerts.data && alerts.data.items.length === 0 && total > 0 && (query.offset ?? 0) >= total) {
      setSearchParams(writeAlertQuery(filters, Math.floor((total - 1) / limit) * limit), { replace: true });
    }
  });

  const confirmDelete = () => {
    if (!toDelete) return;
    const deleted = toDelete;
    deletion.mutate(deleted.id, {
      onSuccess: () => {
        setToDelete(null);
        keepFocusNear(deleted, alerts.data?.items ?? []);
      },
    });
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
        onDelete={mayDelete ? setToDelete : undefined}
      />
      {alerts.data && alerts.data.total > 0 && (
        <Pagination
          label="Alerts pages"
          offset={query.offset ?? 0}
          limit={limit}
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

/** The deleted row's button is gone: keep the keyboard on the neighbouring row, not back at the top of the page. */
function keepFocusNear(deleted: Alert, rows: Alert[]): void {
  const i = rows.findIndex((a) => a.id === deleted.id);
  const neighbour = rows[i + 1] ?? rows[i - 1];
  setTimeout(() => {
    const button = neighbour && document.querySelector<HTMLButtonElement>(`button[aria-label="Delete alert ${neighbour.id}"]`);
    (button ?? document.getElementById('main'))?.focus();
  }, 0);
}
