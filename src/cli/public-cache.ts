import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { cachedResponse } from '$lib/server/http-cache';
import { childLog } from '$lib/server/log';

const PUBLIC_PATHS = new Set(['/status', '/status/__data.json']);
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding']);
/** Marks the cache's own render request, which must reach SvelteKit. */
const RENDER_HEADER = 'x-portal-render';
/** A signed-in visitor (any session cookie, valid or not) always reaches SvelteKit. */
const SESSION = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`);
const NONCE = /'nonce-([^']+)'/;

/**
 * Each copy of a cached page gets its own CSP nonce, in the header and in every inline script
 * of the page, so no visitor can learn the nonce another visitor's page runs with.
 */
export function withFreshNonce(headers: Record<string, string>, body: Buffer): Buffer {
	const csp = headers['content-security-policy'];
	const old = csp ? NONCE.exec(csp)?.[1] : undefined;
	if (!csp || !old) return body;
	const nonce = randomBytes(16).toString('base64');
	headers['content-security-policy'] = csp.replaceAll(`'nonce-${old}'`, `'nonce-${nonce}'`);
	const fresh = Buffer.from(body.toString('utf8').replaceAll(`nonce="${old}"`, `nonce="${nonce}"`));
	if (headers['content-length']) headers['content-length'] = String(fresh.length);
	return fresh;
}

/**
 * The public status page in front of SvelteKit, like a caching proxy would: anonymous GETs
 * of /status and its data route are served from a half-second render per language, without
 * going through the framework at all (each copy with its own CSP nonce). Returns false for
 * every other request.
 */
export function servePublicFromCache(
	req: IncomingMessage,
	res: ServerResponse,
	origin: string
): boolean {
	const url = req.url ?? '';
	const path = url.split('?')[0];
	const cookie = req.headers.cookie ?? '';
	if (
		req.method !== 'GET' ||
		!PUBLIC_PATHS.has(path) ||
		req.headers[RENDER_HEADER] ||
		SESSION.test(cookie)
	) {
		return false;
	}
	const locale = /(?:^|;\s*)PARAGLIDE_LOCALE=([^;]*)/.exec(cookie)?.[1] ?? '';
	const language = req.headers['accept-language'] ?? '';
	const render = () =>
		fetch(origin + url, {
			headers: {
				[RENDER_HEADER]: '1',
				// The cache keeps the plain body; the compression in front of it encodes each answer.
				'accept-encoding': 'identity',
				accept: req.headers.accept ?? '*/*',
				'accept-language': language,
				...(locale ? { cookie: `PARAGLIDE_LOCALE=${locale}` } : {})
			}
		});
	cachedResponse(`${locale}|${language} ${url}`, render)
		.then(async (response) => {
			const headers: Record<string, string> = {};
			response.headers.forEach((value, name) => {
				if (!HOP_BY_HOP.has(name)) headers[name] = value;
			});
			const body = withFreshNonce(headers, Buffer.from(await response.arrayBuffer()));
			res.writeHead(response.status, headers);
			res.end(body);
		})
		.catch((e) => {
			childLog({ module: 'public-cache' }).error({ err: e }, 'render failed');
			res.writeHead(503, { 'content-type': 'text/plain' });
			res.end('unavailable');
		});
	return true;
}
