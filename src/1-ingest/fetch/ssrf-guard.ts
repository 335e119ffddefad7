import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** Resolves a host name to its addresses; injectable so tests can fake DNS. */
export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** Says why an address must not be fetched, or null to allow it. */
export type AddressPolicy = (address: string) => string | null;

/**
 * Why an address must not be fetched (loopback, private, link-local, unique-local,
 * multicast, unspecified, IPv4-mapped forms of those...), or null when it is public.
 */
export function privateAddressReason(address: string): string | null {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(ip);
  if (family === 4) return ipv4Reason(ip.split('.').map(Number));
  if (family === 6) return ipv6Reason(ip);
  return 'not an IP address';
}

function ipv4Reason([a, b, c]: number[]): string | null {
  if (a === undefined || b === undefined || c === undefined) return 'not an IP address';
  if (a === 127) return 'loopback address';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168))
    return 'private address';
  if (a === 169 && b === 254) return 'link-local address';
  if (a === 0) return 'unspecified address';
  if (a === 100 && b >= 64 && b <= 127) return 'shared (carrier-grade NAT) address';
  if (a === 192 && b === 0 && c === 0) return 'IETF protocol address';
  if (a === 198 && (b === 18 || b === 19)) return 'benchmarking address';
  if (a >= 224 && a <= 239) return 'multicast address';
  if (a >= 240) return 'reserved address';
  return null;
}

function ipv6Reason(ip: string): string | null {
  const words = expandIpv6(ip);
  if (!words) return 'not an IP address';
  if (words.every((w) => w === 0)) return 'unspecified address';
  if (words.slice(0, 7).every((w) => w === 0) && words[7] === 1) return 'loopback address';
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64): judge the IPv4 inside.
  const mapped = words.slice(0, 5).every((w) => w === 0) && (words[5] === 0xffff || words[5] === 0);
  const nat64 = words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((w) => w === 0);
  if (mapped || nat64) {
    const v4 = [words[6]! >> 8, words[6]! & 0xff, words[7]! >> 8, words[7]! & 0xff];
    const reason = ipv4Reason(v4);
    return reason ? `${reason} (IPv4 inside IPv6)` : null;
  }
  const first = words[0]!;
  if ((first & 0xfe00) === 0xfc00) return 'unique-local address';
  if ((first & 0xffc0) === 0xfe80) return 'link-local address';
  if ((first & 0xffc0) === 0xfec0) return 'site-local address';
  if ((first & 0xff00) === 0xff00) return 'multicast address';
  if (first === 0x2001 && words[1] === 0x0db8) return 'documentation address';
  if (first === 0x2002) {
    // 6to4 embeds an IPv4 address in words 1-2.
    const v4 = [words[1]! >> 8, words[1]! & 0xff, words[2]! >> 8, words[2]! & 0xff];
    const reason = ipv4Reason(v4);
    return reason ? `${reason} (6to4)` : null;
  }
  return null;
}

/** Eight 16-bit words, or null when the text is not IPv6. */
function expandIpv6(ip: string): number[] | null {
  let s = ip.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    s = s.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const words = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  const out = words.map((w) => parseInt(w, 16));
  return out.length === 8 && out.every((w) => w >= 0 && w <= 0xffff) ? out : null;
}

/**
 * Resolves `hostname` and refuses it when any address it resolves to is not public.
 * Returns the addresses, so the connection can use exactly what was checked
 * (no second lookup that DNS rebinding could answer differently).
 */
export async function checkHost(
  hostname: string,
  resolver: Resolver = systemResolver,
  policy: AddressPolicy = privateAddressReason,
): Promise<string[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : await resolver(host);
  if (addresses.length === 0) throw new Error(`${hostname} does not resolve to any address`);
  for (const address of addresses) {
    const reason = policy(address);
    if (reason) {
      const via = address === host ? '' : ` (${hostname} resolves to ${address})`;
      throw new PrivateNetworkError(
        `refused: ${reason}${via}; pass --allow-private-network to fetch it`,
      );
    }
  }
  return addresses;
}

export class PrivateNetworkError extends Error {
  override name = 'PrivateNetworkError';
}
