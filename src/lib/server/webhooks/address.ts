/**
 * Which addresses a webhook may never reach (SSRF guard): the portal's own host, its private
 * networks, and anything that is not a public unicast address. Pure; the resolver (target.ts)
 * checks every address a host name resolves to.
 */
import { BlockList, isIP } from 'node:net';

const V4: [string, number][] = [
	['0.0.0.0', 8], // "this network", unspecified
	['10.0.0.0', 8], // private (RFC 1918)
	['100.64.0.0', 10], // CGNAT (RFC 6598)
	['127.0.0.0', 8], // loopback
	['169.254.0.0', 16], // link-local (cloud metadata lives here)
	['172.16.0.0', 12], // private
	['192.0.0.0', 24], // IETF protocol assignments
	['192.0.2.0', 24], // documentation
	['192.168.0.0', 16], // private
	['198.18.0.0', 15], // benchmarking
	['198.51.100.0', 24], // documentation
	['203.0.113.0', 24], // documentation
	['224.0.0.0', 4], // multicast
	['240.0.0.0', 4] // reserved, broadcast
];

const V6: [string, number][] = [
	['::', 128], // unspecified
	['::1', 128], // loopback
	['64:ff9b::', 96], // NAT64: embeds any IPv4, private ones included
	['100::', 64], // discard
	['2001:db8::', 32], // documentation
	['2002::', 16], // 6to4: embeds any IPv4
	['fc00::', 7], // unique local (ULA)
	['fe80::', 10], // link-local
	['fec0::', 10], // site-local (deprecated)
	['ff00::', 8] // multicast
];

const v4 = new BlockList();
for (const [net, prefix] of V4) v4.addSubnet(net, prefix, 'ipv4');
const v6 = new BlockList();
for (const [net, prefix] of V6) v6.addSubnet(net, prefix, 'ipv6');
// Kept apart: a BlockList holding ::ffff:0:0/96 also matches every plain IPv4 address.
const mapped = new BlockList();
mapped.addSubnet('::ffff:0:0', 96, 'ipv6');
mapped.addSubnet('::', 96, 'ipv6'); // IPv4-compatible (deprecated)

/** True when `address` (an IP literal) is one a webhook must not reach; anything unparsable is. */
export function isForbiddenAddress(address: string): boolean {
	const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
	const family = isIP(ip);
	if (family === 4) return v4.check(ip, 'ipv4');
	if (family === 6) return mapped.check(ip, 'ipv6') || v6.check(ip, 'ipv6');
	return true;
}
