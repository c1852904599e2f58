// The client address the rate limits count: the socket's peer, or behind trusted proxies (NEWSLINE_TRUSTED_PROXIES)
// the client X-Forwarded-For names. Small and dependency-free, so that src/config.ts can check the setting with it.
import { BlockList, isIP } from 'node:net';

/** The address without the IPv4-mapped IPv6 prefix Node gives IPv4 peers of a dual-stack socket. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** Whether each entry is an address or a CIDR range (10.0.0.0/8, fd00::/8); the config checks with this. */
export function trustedProxyProblem(entry: string): string | null {
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || rest.length) return `"${entry}" is not an IP address or CIDR range`;
  if (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))) return `"${entry}" has a bad prefix length`;
  return null;
}

/**
 * How the client address is found: the socket's peer; when that peer is a trusted proxy, X-Forwarded-For is read
 * from its right end (the hop nearest this server) past every trusted proxy, and the first untrusted hop is the
 * client. A hop that is not an IP address ends the walk at the proxy that wrote it. Without a trusted peer the
 * header is never read: anyone can send one.
 */
export function clientAddressOf(trustedProxies: readonly string[] = []): (peer: string, forwardedFor: string | null) => string {
  if (trustedProxies.length === 0) return (peer) => plainAddress(peer);
  const trusted = new BlockList();
  for (const entry of trustedProxies) {
    const problem = trustedProxyProblem(entry);
    if (problem) throw new Error(`trusted proxies: ${problem}`);
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) trusted.addAddress(address, family);
    else trusted.addSubnet(address, Number(bits), family);
  }
  const isTrusted = (address: string) => {
    const family = isIP(address);
    return family !== 0 && trusted.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
  return (peer, forwardedFor) => {
    let client = plainAddress(peer);
    if (!isTrusted(client) || !forwardedFor) return client;
    const hops = forwardedFor.split(',').map((hop) => plainAddress(hop.trim()));
    for (let index = hops.length - 1; index >= 0; index -= 1) {
      const hop = hops[index]!;
      if (!isIP(hop)) return client;
      client = hop;
      if (!isTrusted(hop)) return hop;
    }
    return client;
  };
}

