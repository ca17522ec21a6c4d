import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureOf, verifySignature } from './signature';

describe('webhook signature (X-Portal-Signature)', () => {
	const body = '{"id":"42","type":"incident.filed","data":{"title":"Café ☕"}}';

	it('is sha256= and the hex HMAC-SHA256 of the raw UTF-8 body', () => {
		const hex = createHmac('sha256', 'whsec_test').update(Buffer.from(body, 'utf8')).digest('hex');
		expect(signatureOf('whsec_test', body)).toBe(`sha256=${hex}`);
		expect(signatureOf('whsec_test', body)).toMatch(/^sha256=[0-9a-f]{64}$/);
	});

	it('matches a known vector (RFC 4231 test case 2)', () => {
		expect(signatureOf('Jefe', 'what do ya want for nothing?')).toBe(
			'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'
		);
	});

	it('is verified only with the same secret and the same bytes', () => {
		const header = signatureOf('s1', body);
		expect(verifySignature('s1', body, header)).toBe(true);
		expect(verifySignature('s2', body, header)).toBe(false);
		expect(verifySignature('s1', body + ' ', header)).toBe(false);
		expect(verifySignature('s1', body, null)).toBe(false);
		expect(verifySignature('s1', body, 'sha256=00')).toBe(false);
	});
});
