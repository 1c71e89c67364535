import { BlockList, isIP } from 'node:net';

/**
 * The webhook's IP allowlist: single IPv4/IPv6 addresses and CIDR ranges ("52.89.214.238", "10.0.0.0/8",
 * "2001:db8::/32"). An IPv4 client seen as IPv4-mapped IPv6 (::ffff:127.0.0.1, as a dual-stack socket reports it)
 * is the same client as 127.0.0.1, whichever way the entry or the address is written.
 */

type Rule = { address: string; prefix: number | null; family: 'ipv4' | 'ipv6' };

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** ::ffff:1.2.3.4 → 1.2.3.4; anything else unchanged. */
const unmapped = (address: string): string => address.match(MAPPED_IPV4)?.[1] ?? address;

/** The rule an entry stands for, or why it can never match. */
function parseEntry(entry: string): Rule | string {
  const slash = entry.indexOf('/');
  const rawAddress = slash < 0 ? entry : entry.slice(0, slash);
  if (rawAddress.includes('%')) return 'zone ids (%…) are not supported';
  const family = isIP(rawAddress);
  if (!family) return 'not an IPv4 or IPv6 address';
  if (slash < 0) {
    const address = unmapped(rawAddress);
    return { address, prefix: null, family: isIP(address) === 4 ? 'ipv4' : 'ipv6' };
  }
  const prefixText = entry.slice(slash + 1);
  const bits = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return `the prefix length must be 0–${bits}`;
  const prefix = Number(prefixText);
  const address = unmapped(rawAddress);
  if (address !== rawAddress && prefix >= 96) return { address, prefix: prefix - 96, family: 'ipv4' };
  return { address: rawAddress, prefix, family: family === 4 ? 'ipv4' : 'ipv6' };
}

/** Each entry that can never match, with the reason ("garbage: not an IPv4 or IPv6 address"); [] when all are fine. */
export function allowlistProblems(entries: readonly string[]): string[] {
  return entries.flatMap((entry) => {
    const rule = parseEntry(entry.trim());
    return typeof rule === 'string' ? [`"${entry}": ${rule}`] : [];
  });
}

/** The entries as matched (surrounding whitespace dropped). */
export const normalizedAllowlist = (entries: readonly string[]): string[] => entries.map((e) => e.trim());

function compile(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const rule = parseEntry(entry.trim());
    if (typeof rule === 'string') continue; // refused when saved; one stored earlier simply never matches
    if (rule.prefix === null) list.addAddress(rule.address, rule.family);
    else list.addSubnet(rule.address, rule.prefix, rule.family);
  }
  return list;
}

/** Compiled once per settings load: the settings cache hands out the same array until the settings change. */
const compiled = new WeakMap<readonly string[], BlockList>();

/** True when `ip` (as the socket reports it) is one of `entries` or inside one of their ranges. */
export function addressAllowed(entries: readonly string[], ip: string): boolean {
  let list = compiled.get(entries);
  if (!list) compiled.set(entries, (list = compile(entries)));
  const address = unmapped(ip);
  const family = isIP(address);
  if (!family) return false;
  return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
