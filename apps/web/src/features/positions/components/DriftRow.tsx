import { Time } from '../../../components/Time';
import { formatDecimal } from '../../../lib/numbers';
import type { PositionAction } from '../action-plan';
import { contractName, type ContractGroup } from '../contract-groups';

interface Props {
  group: ContractGroup;
  columns: number;
  onAction?: (action: PositionAction) => void;
}

/** The contract drifts: both figures, the difference and since when, with "Sync to target" for admins. */
export function DriftRow({ group, columns, onAction }: Props) {
  const drift = group.drift;
  if (!drift) return null;
  const working = Number(drift.working) === 0 ? null : formatDecimal(drift.working);
  return (
    <tr className="drift-row">
      <td colSpan={onAction ? columns - 1 : columns}>
        <strong>Drift</strong>: IB holds <strong className="tabular">{formatDecimal(drift.ibQuantity)}</strong>, the
        strategies <strong className="tabular">{formatDecimal(drift.strategiesQuantity)}</strong>
        {working && <> (working {working})</>} — difference{' '}
        <strong className="tabular">{formatDecimal(drift.difference, { signed: true })}</strong> since{' '}
        <Time iso={drift.since} compact />
      </td>
      {onAction && (
        <td>
          <button type="button" className="button small" aria-label={`Sync ${contractName(group.contract)} to the strategies`}
            onClick={() => onAction({ kind: 'sync', group })}>
            Sync to target
          </button>
        </td>
      )}
    </tr>
  );
}
