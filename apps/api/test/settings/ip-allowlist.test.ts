import { TRADINGVIEW_ADDRESSES } from '@tradehook/contracts';
import { addressAllowed, allowlistProblems, normalizedAllowlist } from '../../src/settings/ip-allowlist';

describe('addressAllowed', () => {
  it("keeps TradingView's four addresses working, and nothing else", () => {
    const list = [...TRADINGVIEW_ADDRESSES];
    for (const ip of TRADINGVIEW_ADDRESSES) {
      expect(addressAllowed(list, ip)).toBe(true);
      expect(addressAllowed(list, `::ffff:${ip}`)).toBe(true);
    }
    expect(addressAllowed(list, '52.89.214.239')).toBe(false);
    expect(addressAllowed(list, '127.0.0.1')).toBe(false);
  });

  it('matches IPv4 and IPv6 CIDR ranges', () => {
    const list = ['127.0.0.0/8', '10.1.0.0/16', '2001:db8::/32'];
    expect(addressAllowed(list, '127.0.0.1')).toBe(true);
    expect(addressAllowed(list, '127.255.3.4')).toBe(true);
    expect(addressAllowed(list, '10.1.200.1')).toBe(true);
    expect(addressAllowed(list, '10.2.0.1')).toBe(false);
    expect(addressAllowed(list, '2001:db8:ffff::1')).toBe(true);
    expect(addressAllowed(list, '2001:db9::1')).toBe(false);
  });

  it('treats an IPv4-mapped IPv6 address as its IPv4 address, either way round', () => {
    expect(addressAllowed(['127.0.0.1'], '::ffff:127.0.0.1')).toBe(true);
    expect(addressAllowed(['127.0.0.0/8'], '::FFFF:127.0.0.9')).toBe(true);
    expect(addressAllowed(['::ffff:127.0.0.1'], '127.0.0.1')).toBe(true);
    expect(addressAllowed(['::ffff:10.0.0.0/104'], '10.200.0.1')).toBe(true);
    expect(addressAllowed(['::ffff:10.0.0.0/104'], '11.0.0.1')).toBe(false);
  });

  it('matches IPv6 addresses however they are written', () => {
    expect(addressAllowed(['::1'], '::1')).toBe(true);
    expect(addressAllowed(['0:0:0:0:0:0:0:1'], '::1')).toBe(true);
    expect(addressAllowed(['::1'], '127.0.0.1')).toBe(false);
  });

  it('never matches garbage, in the list or as the client address', () => {
    expect(addressAllowed(['garbage', ' 127.0.0.1 '], '127.0.0.1')).toBe(true);
    expect(addressAllowed(['garbage'], 'garbage')).toBe(false);
    expect(addressAllowed([], '127.0.0.1')).toBe(false);
    expect(addressAllowed(['0.0.0.0/0'], 'not-an-ip')).toBe(false);
  });

  it('sees a changed list (a new array) at once', () => {
    expect(addressAllowed(['1.2.3.4'], '5.6.7.8')).toBe(false);
    expect(addressAllowed(['5.6.7.8'], '5.6.7.8')).toBe(true);
  });
});

describe('allowlistProblems', () => {
  it('accepts addresses and ranges', () => {
    expect(allowlistProblems([...TRADINGVIEW_ADDRESSES, '127.0.0.0/8', '::1', '2001:db8::/32', '0.0.0.0/0', ' 1.2.3.4 '])).toEqual([]);
  });

  it('names every entry that can never match', () => {
    const problems = allowlistProblems(['garbage', '127.0.0.0/33', '1.2.3.4/', '::1/129', '1.2.3.4/x', '', '256.1.1.1', 'fe80::1%eth0', '8.8.8.8']);
    expect(problems).toHaveLength(8);
    for (const entry of ['garbage', '127.0.0.0/33', '1.2.3.4/', '::1/129', '1.2.3.4/x', '256.1.1.1', 'fe80::1%eth0']) {
      expect(problems.some((p) => p.startsWith(`"${entry}"`))).toBe(true);
    }
    expect(problems.join()).not.toContain('8.8.8.8');
  });

  it('stores entries trimmed', () => {
    expect(normalizedAllowlist([' 1.2.3.4', '10.0.0.0/8 '])).toEqual(['1.2.3.4', '10.0.0.0/8']);
  });
});
