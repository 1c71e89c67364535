import { TableStateRow } from '../../../components/TableStateRow';
import type { PositionAction } from '../action-plan';
import type { ContractGroup } from '../contract-groups';
import { ContractRows } from './ContractRows';

/** [label, numeric]: numeric columns are right-aligned. */
const COLUMNS: Array<[string, boolean]> = [
  ['Contract / strategy', false], ['Quantity', true], ['Working', true], ['Avg price', true], ['Market price', true],
  ['Market value', true], ['Unrealized P&L', true], ['Realized P&L', true], ['Ccy', false], ['As of', false],
];

interface Props {
  groups: ContractGroup[] | undefined;
  isPending: boolean;
  error: Error | null;
  /** Given to admins only: viewers see no action buttons. */
  onAction?: (action: PositionAction) => void;
}

/** One row group per contract: IB's position, then each strategy's position in it, then its drift if any. */
export function PositionsTable({ groups, isPending, error, onAction }: Props) {
  const columns = onAction ? [...COLUMNS, ['Actions', false] as [string, boolean]] : COLUMNS;
  return (
    <div className="table-scroll">
      <table className="positions">
        <caption>Positions</caption>
        <thead>
          <tr>
            {columns.map(([label, numeric]) => (
              <th key={label} scope="col" className={numeric ? 'num' : undefined}>{label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <TableStateRow columns={columns.length} isLoading={isPending} error={groups ? null : error}
            isEmpty={groups?.length === 0} empty="No positions yet: nothing held at IB or by any strategy." />
        </tbody>
        {groups?.map((group) => <ContractRows key={group.key} group={group} columns={columns.length} onAction={onAction} />)}
      </table>
      <p className="table-note">
        Each contract shows IB&apos;s position first, then each strategy&apos;s position in it from its own fills. Drift: IB
        holds something other than the strategies&apos; sum, beyond what their working orders explain.
      </p>
    </div>
  );
}
