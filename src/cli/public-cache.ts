import type { IncomingMessage, ServerResponse } from 'node:http';
import { cachedResponse } from '$lib/server/http-cache';
import { childLog } from '$lib/server/log';

const PUBLIC_PATHS = new Set(['/status', '/status/__data.json']);
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding']);
/** Marks the cache's own render request, which must reach SvelteKit. */
const RENDER_HEADER = 'x-portal-render';

/**
 * The public status page in front of SvelteKit, like a caching proxy would: anonymous GETs
 * of /status and its data route are served from a one-second render per language, without
 * going through the framework at all. Returns false for every other request.
 */
export function servePublicFromCache(req: IncomingMessage, res: ServerResponse, origin: string): boolean {
	const url = req.url ?? '';
	const path = url.split('?')[0];
	const cookie = req.headers.cookie ?? '';
	if (req.method !== 'GET' || !PUBLIC_PATHS.has(path) || req.headers[RENDER_HEADER] || /(^|;\s*)session=/.test(cookie)) {
		return false;
	}
	const locale = /(?:^|;\s*)PARAGLIDE_LOCALE=([^;]*)/.exec(cookie)?.[1] ?? '';
	const language = req.headers['accept-language'] ?? '';
	const render = () =>
		fetch(origin + url, {
			headers: {
				[RENDER_HEADER]: '1',
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
			res.writeHead(response.status, headers);
			res.end(Buffer.from(await response.arrayBuffer()));
		})
		.catch((e) => {
			childLog({ module: 'public-cache' }).error({ err: e }, 'render failed');
			res.writeHead(503, { 'content-type': 'text/plain' });
			res.end('unavailable');
		});
	return true;
}
