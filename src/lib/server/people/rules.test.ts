import { describe, expect, it } from 'vitest';
import { isDemotion, leavesClientWithoutAdmin } from './rules';

describe('isDemotion', () => {
	it.each([
		['admin', 'contact', true],
		['admin', 'viewer', true],
		['contact', 'viewer', true],
		['viewer', 'contact', false],
		['contact', 'admin', false],
		['admin', 'admin', false]
	] as const)('%s → %s: %s', (from, to, expected) => {
		expect(isDemotion(from, to)).toBe(expected);
	});
});

describe('the last admin keeps the client able to change its list (000 §1.6, 002 art. 4.3)', () => {
	it('refuses the last admin removing or demoting themselves', () => {
		expect(leavesClientWithoutAdmin({ self: true, from: 'admin', to: null, admins: 1 })).toBe(true);
		expect(leavesClientWithoutAdmin({ self: true, from: 'admin', to: 'viewer', admins: 1 })).toBe(
			true
		);
	});
	it('lets an admin step down while another admin remains', () => {
		expect(leavesClientWithoutAdmin({ self: true, from: 'admin', to: null, admins: 2 })).toBe(
			false
		);
	});
	it('does not hold changes to others, nor staff, nor a non-admin', () => {
		expect(leavesClientWithoutAdmin({ self: false, from: 'admin', to: null, admins: 1 })).toBe(
			false
		);
		expect(leavesClientWithoutAdmin({ self: true, from: 'contact', to: null, admins: 1 })).toBe(
			false
		);
		expect(leavesClientWithoutAdmin({ self: true, from: 'admin', to: 'admin', admins: 1 })).toBe(
			false
		);
	});
});
