import { describe, expect, it } from 'vitest';
import { probeErrorLabel } from './probe-labels';

describe('probe error labels', () => {
	it('translates every code the runner stores', () => {
		expect(probeErrorLabel('timeout')).not.toBe('timeout');
		expect(probeErrorLabel('status:503')).toContain('503');
		expect(probeErrorLabel('keyword')).not.toBe('keyword');
		expect(probeErrorLabel('network:ECONNREFUSED')).not.toContain('ECONNREFUSED');
		expect(probeErrorLabel('network:CERT_HAS_EXPIRED')).toContain('CERT_HAS_EXPIRED');
		expect(probeErrorLabel('network')).not.toBe('network');
	});
});
