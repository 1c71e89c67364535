import { makeDrift, makePosition, makeStrategyPosition } from '../../test/fixtures';
import { closingOrder } from './action-plan';
import { contractName, groupByContract, isHeld, strategiesQuantity } from './contract-groups';

describe('groupByContract', () => {
  it('joins IB\'s position, the strategies\' and the drift per account and conId', () => {
    const [group, ...rest] = groupByContract(
      [makePosition({ quantity: '13' })],
      [makeStrategyPosition(), makeStrategyPosition({ strategy: 'Strat Beta', quantity: '-2' })],
      [makeDrift()],
    );
    expect(rest).toEqual([]);
    expect(group).toMatchObject({ key: 'DU1234567:265598', conId: 265598, ib: { quantity: '13' }, drift: { difference: '3' } });
    expect(group.strategies.map((s) => s.strategy)).toEqual(['Strat Alpha', 'Strat Beta']);
    expect(strategiesQuantity(group)).toBe('8');
  });

  it('puts a strategy with working orders and no fill yet (no conId) under the contract of the same name', () => {
    const groups = groupByContract([makePosition()], [makeStrategyPosition({ conId: null, quantity: '0', working: '5' })], []);
    expect(groups).toHaveLength(1);
    expect(groups[0].strategies).toHaveLength(1);
  });

  it('keeps other accounts and contracts apart, sorted by name, and tells held from flat', () => {
    const groups = groupByContract(
      [makePosition({ account: 'DU7654321' }), makePosition({ conId: 12087792, symbol: 'EUR', localSymbol: 'EUR.USD', secType: 'CASH', quantity: '0' })],
      [makeStrategyPosition({ conId: null, symbol: 'MSFT', localSymbol: null })],
      [],
    );
    expect(groups.map((g) => [contractName(g.contract), g.account, isHeld(g)])).toEqual([
      ['AAPL', 'DU7654321', true], ['EUR.USD', 'DU1234567', false], ['MSFT', 'DU1234567', true],
    ]);
  });
});

describe('closingOrder', () => {
  it('sells a long, buys back a short, and sends nothing when flat', () => {
    expect([closingOrder('10'), closingOrder('-20000'), closingOrder('0')]).toEqual(['SELL 10', 'BUY 20,000', 'nothing (already flat)']);
  });
});
