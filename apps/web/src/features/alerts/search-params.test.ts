import { readAlertQuery, writeAlertQuery } from './search-params';

describe('alert search params', () => {
  it('reads filters and offset, dropping values the API would refuse', () => {
    expect(readAlertQuery(new URLSearchParams('strategy=Strat+Alpha&symbol=%20NQU4%20&status=placed&offset=100'))).toEqual({
      strategy: 'Strat Alpha',
      symbol: 'NQU4',
      status: 'placed',
      limit: 50,
      offset: 100,
    });
    expect(readAlertQuery(new URLSearchParams('status=bogus&offset=-5'))).toEqual({
      strategy: undefined,
      symbol: undefined,
      status: undefined,
      limit: 50,
      offset: 0,
    });
  });

  it('writes only what is set', () => {
    expect(writeAlertQuery({ symbol: 'NQU4' }).toString()).toBe('symbol=NQU4');
    expect(writeAlertQuery({ status: 'failed' }, 50).toString()).toBe('status=failed&offset=50');
    expect(writeAlertQuery({}, 0).toString()).toBe('');
  });
});
