import type { Position } from '@tradehook/contracts';
import { NumCell } from '../../../components/NumCell';
import { Time } from '../../../components/Time';
import { formatDecimal, MONEY, PNL } from '../../../lib/numbers';
import type { PositionAction } from '../action-plan';
import { contractName, isHeld, type ContractGroup } from '../contract-groups';
import { groupPriceDecimals, ibAveragePrice, workingQuantity } from '../figures';
import { DriftRow } from './DriftRow';
import { StrategyRow } from './StrategyRow';

interface Props {
  group: ContractGroup;
  columns: number;
  onAction?: (action: PositionAction) => void;
}

/** A contract's rows: IB's position (the group's header), its strategies, and its drift. */
export function ContractRows({ group, columns, onAction }: Props) {
  const { ib, contract, drift } = group;
  const price = { decimals: groupPriceDecimals(group) };
  const name = contractName(contract);
  return (
    <tbody className={drift ? 'contract drifted' : 'contract'}>
      <tr className="contract-row">
        <th scope="rowgroup">
          {name} <span className="muted small">{contract.secType} · {group.account}</span>
        </th>
        <NumCell value={ib?.quantity} format={{}} className={drift ? 'drift-figure' : undefined}
          title={ib ? undefined : 'IB reports no position in this contract'} />
        <NumCell value={workingQuantity(group)} format={{}} />
        <NumCell value={ib ? ibAveragePrice(ib) : null} format={price} title={ib ? avgCostTitle(ib) : undefined} />
        <NumCell value={ib?.marketPrice} format={price} />
        <NumCell value={ib?.marketValue} format={MONEY} />
        <NumCell value={ib?.unrealizedPnl} format={PNL} />
        <NumCell value={ib?.realizedPnl} format={PNL} />
        <td>{contract.currency}</td>
        <td className="nowrap">{ib ? <Time iso={ib.asOf} compact /> : <span className="muted">not at IB</span>}</td>
        {onAction && (
          <td>
            {group.conId !== null && isHeld(group) && (
              <button type="button" className="button small" aria-label={`Flatten ${name} at IB`}
                onClick={() => onAction({ kind: 'flatten-contract', group })}>
                Flatten at IB
              </button>
            )}
          </td>
        )}
      </tr>
      {group.strategies.map((position) => (
        <StrategyRow key={position.strategy} group={group} position={position} priceDecimals={price.decimals} onAction={onAction} />
      ))}
      {drift && <DriftRow group={group} columns={columns} onAction={onAction} />}
    </tbody>
  );
}

/** IB's exact average cost (commissions included; per contract, multiplier included, for a future). */
function avgCostTitle(ib: Position): string {
  const perContract = ib.avgCost !== ibAveragePrice(ib) ? ` per contract (${formatDecimal(ib.avgCost, MONEY)})` : '';
  return `IB's average cost, commissions included: ${formatDecimal(ibAveragePrice(ib))}${perContract}`;
}
