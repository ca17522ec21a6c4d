import { describe, expect, it } from 'vitest';
import { withFreshNonce } from './public-cache';

describe('withFreshNonce (copies of the cached public page)', () => {
	const page = (nonce: string) =>
		Buffer.from(
			`<script nonce="${nonce}">start()</script><p>nonce="other"</p><script nonce="${nonce}">x</script>`
		);

	it('gives every copy its own nonce, the same in the header and in each inline script', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 3; i++) {
			const headers = {
				'content-security-policy': "script-src 'self' 'nonce-abc+/='; object-src 'none'",
				'content-length': '1'
			};
			const html = withFreshNonce(headers, page('abc+/=')).toString();
			const nonce = /'nonce-([^']+)'/.exec(headers['content-security-policy'])![1];
			expect(nonce).not.toBe('abc+/=');
			expect(html.match(/<script nonce="([^"]+)"/g)).toEqual([
				`<script nonce="${nonce}"`,
				`<script nonce="${nonce}"`
			]);
			expect(html).toContain('<p>nonce="other"</p>');
			expect(headers['content-length']).toBe(String(Buffer.byteLength(html)));
			seen.add(nonce);
		}
		expect(seen.size).toBe(3);
	});

	it('leaves a response without a nonce (the data route) untouched', () => {
		const headers = { 'content-security-policy': "default-src 'none'" };
		const body = Buffer.from('{"type":"data"}');
		expect(withFreshNonce(headers, body)).toBe(body);
		expect(headers['content-security-policy']).toBe("default-src 'none'");
	});
});
