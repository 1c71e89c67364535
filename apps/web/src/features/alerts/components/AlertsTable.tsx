import type { Alert } from '@tradehook/contracts';
import { Direction } from '../../../components/Direction';
import { NumCell } from '../../../components/NumCell';
import { TableStateRow } from '../../../components/TableStateRow';
import { Time } from '../../../components/Time';
import { contractLabel } from '../contract-label';
import { AlertStatusBadge } from './AlertStatusBadge';
import { ExitOrders } from './ExitOrders';

interface Props {
  caption: string;
  alerts: Alert[] | undefined;
  isLoading: boolean;
  error: Error | null;
  /** Why the table is empty; the default suits an unfiltered list. */
  emptyMessage?: string;
  /** Shows a Delete button per row when given. */
  onDelete?: (alert: Alert) => void;
}

const NO_ALERTS_YET = 'No alerts yet. Send one to the webhook URL (see the Webhook guide).';

const HEADERS = ['ID', 'Time', 'Strategy', 'Symbol', 'Exchange', 'IB contract', 'Price', 'Direction', 'Quantity', 'Status', 'Order', 'Filled', 'Avg fill'];
const NUMERIC = new Set(['ID', 'Price', 'Quantity', 'Filled', 'Avg fill']);

export function AlertsTable({ caption, alerts, isLoading, error, emptyMessage = NO_ALERTS_YET, onDelete }: Props) {
  const columns = HEADERS.length + (onDelete ? 1 : 0);
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {HEADERS.map((h) => (
              <th key={h} scope="col" className={NUMERIC.has(h) ? 'num' : undefined}>
                {h}
              </th>
            ))}
            {onDelete && <th scope="col"><span className="visually-hidden">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          <TableStateRow
            columns={columns}
            isLoading={isLoading}
            error={alerts ? null : error}
            isEmpty={alerts?.length === 0}
            empty={emptyMessage}
          />
          {alerts?.map((alert) => (
            <tr key={alert.id}>
              <NumCell value={alert.id} />
              <td className="nowrap"><Time iso={alert.receivedAt} compact /></td>
              <td>{alert.strategy ?? '—'}</td>
              <th scope="row">{alert.symbol ?? '—'}</th>
              <td>{alert.exchange ?? '—'}</td>
              <td className="nowrap">{contractLabel(alert.contract)}</td>
              <NumCell value={alert.price} />
              <td><Direction value={alert.direction} /></td>
              <NumCell value={alert.quantity ?? alert.order?.quantity} />
              <td className="status-cell"><AlertStatusBadge alert={alert} /></td>
              <td className="nowrap">
                {alert.order ? (
                  <>
                    <span className="num">#{alert.order.ibOrderId ?? '—'}</span> {alert.order.status}
                    <ExitOrders exits={alert.order.exits} />
                  </>
                ) : (
                  '—'
                )}
              </td>
              <NumCell value={alert.order?.filled} />
              <NumCell value={alert.order?.avgFillPrice} />
              {onDelete && (
                <td>
                  <button type="button" className="button small" aria-label={`Delete alert ${alert.id}`} onClick={() => onDelete(alert)}>
                    Delete
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
