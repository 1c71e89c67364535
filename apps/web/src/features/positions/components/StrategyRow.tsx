import type { StrategyPosition } from '@tradehook/contracts';
import { NumCell } from '../../../components/NumCell';
import { Time } from '../../../components/Time';
import { PNL } from '../../../lib/numbers';
import type { PositionAction } from '../action-plan';
import { contractName, type ContractGroup } from '../contract-groups';

interface Props {
  group: ContractGroup;
  position: StrategyPosition;
  priceDecimals: number;
  onAction?: (action: PositionAction) => void;
}

/** One strategy's position in the contract, from its own fills; market figures belong to IB's row above. */
export function StrategyRow({ group, position, priceDecimals, onAction }: Props) {
  const flat = Number(position.quantity) === 0;
  return (
    <tr className="strategy-row">
      <th scope="row">
        <span aria-hidden="true">↳ </span>
        {position.strategy}
      </th>
      <NumCell value={position.quantity} format={{}} />
      <NumCell value={Number(position.working) === 0 ? null : position.working} format={{}} />
      <NumCell value={position.avgPrice} format={{ decimals: priceDecimals }} />
      <td />
      <td />
      <td />
      <NumCell value={position.realizedPnl} format={PNL} title={`After ${position.commission} in commissions`} />
      <td>{position.currency}</td>
      <td className="nowrap">
        {position.lastFillAt ? <Time iso={position.lastFillAt} compact /> : <span className="muted">no fill yet</span>}
      </td>
      {onAction && (
        <td>
          {!flat && group.conId !== null && (
            <button type="button" className="button small"
              aria-label={`Flatten ${position.strategy} in ${contractName(group.contract)}`}
              onClick={() => onAction({ kind: 'flatten-strategy', group, position })}>
              Flatten
            </button>
          )}
        </td>
      )}
    </tr>
  );
}
