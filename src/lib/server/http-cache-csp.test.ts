import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashedInsteadOfNonce } from './http-cache-csp';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
const CSP = "script-src 'self' 'nonce-n0+/='; object-src 'none'";

describe('hashedInsteadOfNonce (the shareable public page)', () => {
	it('allows each inline script by its hash and drops the nonce everywhere', () => {
		const html =
			'<head><script nonce="n0+/=">{ start(1) }</script><script type="module" nonce="n0+/=" src="/_app/a.js"></script></head>' +
			'<p>nonce</p><script>untouched()</script><script nonce="n0+/=">second()</script>';
		const shared = hashedInsteadOfNonce(html, CSP)!;
		expect(shared.csp).toBe(
			`script-src 'self' ${sha('{ start(1) }')} ${sha('second()')}; object-src 'none'`
		);
		expect(shared.html).toBe(
			'<head><script>{ start(1) }</script><script type="module" src="/_app/a.js"></script></head>' +
				'<p>nonce</p><script>untouched()</script><script>second()</script>'
		);
	});

	it('drops a nonce that allowed no inline script', () => {
		expect(hashedInsteadOfNonce('<p>x</p>', CSP)).toEqual({
			html: '<p>x</p>',
			csp: "script-src 'self'; object-src 'none'"
		});
	});

	it('gives up when the nonce serves anything but a script, or there is none', () => {
		expect(hashedInsteadOfNonce('<style nonce="n0+/=">p{}</style>', CSP)).toBeNull();
		expect(hashedInsteadOfNonce('<script>x</script>', "default-src 'self'")).toBeNull();
	});
});
