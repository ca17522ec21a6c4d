import { describe, expect, it } from 'vitest';
import { isForbiddenAddress } from './address';

describe('webhook SSRF guard: the addresses a delivery may not reach', () => {
	it.each([
		['127.0.0.1', 'loopback'],
		['127.255.255.254', 'loopback'],
		['10.1.2.3', 'private'],
		['172.16.0.1', 'private'],
		['172.31.255.255', 'private'],
		['192.168.1.1', 'private'],
		['100.64.0.1', 'CGNAT'],
		['100.127.255.255', 'CGNAT'],
		['169.254.169.254', 'link-local (cloud metadata)'],
		['0.0.0.0', 'unspecified'],
		['224.0.0.1', 'multicast'],
		['239.255.255.250', 'multicast'],
		['255.255.255.255', 'broadcast'],
		['198.18.0.1', 'benchmarking'],
		['::', 'unspecified'],
		['::1', 'loopback'],
		['[::1]', 'loopback, bracketed as in a URL'],
		['fc00::1', 'ULA'],
		['fd12:3456:789a::1', 'ULA'],
		['fe80::1%eth0', 'link-local with a zone'],
		['ff02::1', 'multicast'],
		['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
		['::ffff:8.8.8.8', 'IPv4-mapped, even public'],
		['::ffff:7f00:1', 'IPv4-mapped in hex'],
		['::127.0.0.1', 'IPv4-compatible'],
		['64:ff9b::a00:1', 'NAT64'],
		['2002:a00:1::', '6to4'],
		['2001:db8::1', 'documentation'],
		['localhost', 'not an address at all'],
		['', 'empty']
	])('%s is refused (%s)', (address) => {
		expect(isForbiddenAddress(address)).toBe(true);
	});

	it.each([
		'8.8.8.8',
		'1.1.1.1',
		'93.184.216.34',
		'100.63.255.255',
		'100.128.0.0',
		'172.15.255.255',
		'172.32.0.0',
		'192.169.0.1',
		'2001:4860:4860::8888',
		'2606:4700:4700::1111',
		'[2a00:1450:4007:80c::200e]'
	])('%s is a public unicast address', (address) => {
		expect(isForbiddenAddress(address)).toBe(false);
	});
});
