import { createHash } from 'node:crypto';

const NONCE_SOURCE = /'nonce-([A-Za-z0-9+/=_-]+)'/;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;

/**
 * A page rendered with a per-response CSP nonce, turned into one that every visitor may share:
 * each inline script the nonce allowed is allowed by its SHA-256 instead (just as strict: only
 * that exact script runs), and the nonce leaves the header and the markup. SvelteKit's `kit.csp`
 * mode is one for the whole app; every other page keeps its nonce. `null` when the nonce is used
 * by anything but a script (it could not be replaced), or there is none.
 */
export function hashedInsteadOfNonce(
	html: string,
	csp: string
): { html: string; csp: string } | null {
	const nonce = NONCE_SOURCE.exec(csp)?.[1];
	if (!nonce) return null;
	const attribute = ` nonce="${nonce}"`;
	const hashes = new Set<string>();
	const shared = html.replace(SCRIPT, (whole, attributes: string, body: string) => {
		if (!attributes.includes(attribute)) return whole;
		const rest = attributes.replace(attribute, '');
		// An external script of ours is allowed by 'self' as before; a hash covers inline code only.
		if (!/\ssrc=/.test(rest))
			hashes.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
		return `<script${rest}>${body}</script>`;
	});
	if (shared.includes(nonce)) return null;
	const sources = [...hashes].join(' ');
	return {
		html: shared,
		csp: sources
			? csp.replaceAll(`'nonce-${nonce}'`, sources)
			: csp.replaceAll(` 'nonce-${nonce}'`, '')
	};
}
