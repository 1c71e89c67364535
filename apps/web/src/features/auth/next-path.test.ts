import { loginPathReturningTo, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps a path of this app, with its query', () => {
    expect(safeNextPath('/trades')).toBe('/trades');
    expect(safeNextPath('/admin/strategies/3/show?tab=1')).toBe('/admin/strategies/3/show?tab=1');
  });

  it('refuses other origins, relative paths and the login page itself', () => {
    for (const next of ['https://evil.example', '//evil.example/x', '/\\evil.example', 'trades', '', null, '/login', '/login?next=/']) {
      expect(safeNextPath(next)).toBe('/');
    }
  });
});

describe('loginPathReturningTo', () => {
  it('encodes the path to return to', () => {
    expect(loginPathReturningTo('/requests?status=failed')).toBe('/login?next=%2Frequests%3Fstatus%3Dfailed');
    expect(loginPathReturningTo('/')).toBe('/login');
  });
});
