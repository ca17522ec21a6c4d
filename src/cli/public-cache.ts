import type { IncomingMessage, ServerResponse } from 'node:http';
import { extractLocaleFromRequest } from '$lib/paraglide/runtime';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import {
	negotiate,
	notModified,
	ResponseCache,
	type CacheOptions,
	type Copy,
	type Rendered
} from '$lib/server/http-cache';
import { childLog } from '$lib/server/log';

const PUBLIC_PATHS = new Set(['/status', '/status/__data.json']);
/** Marks the cache's own render request, which must reach SvelteKit. */
export const RENDER_HEADER = 'x-portal-render';
/** A signed-in visitor (any session cookie, valid or not) always reaches SvelteKit. */
const SESSION = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`);
const LOCALE_COOKIE = /(?:^|;\s*)PARAGLIDE_LOCALE=([^;]*)/;
const LOCALES_KEPT = 1000;

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The language a page is rendered in for this cookie and Accept-Language: paraglide's own rule. */
export function localeResolver(origin: string) {
	const known = new Map<string, string>();
	return (cookie: string, acceptLanguage: string): string => {
		const chosen = LOCALE_COOKIE.exec(cookie)?.[1] ?? '';
		const key = `${chosen}\n${acceptLanguage}`;
		let locale = known.get(key);
		if (!locale) {
			const headers: Record<string, string> = { 'accept-language': acceptLanguage };
			if (chosen) headers.cookie = `PARAGLIDE_LOCALE=${chosen}`;
			locale = extractLocaleFromRequest(new Request(origin, { headers }));
			if (known.size >= LOCALES_KEPT) known.clear();
			known.set(key, locale);
		}
		return locale;
	};
}

export function send(req: IncomingMessage, res: ServerResponse, copy: Copy) {
	const encoding = negotiate(req.headers['accept-encoding']);
	if (notModified(req.headers['if-none-match'], copy)) {
		res.writeHead(304, copy.notModified[encoding]);
		res.end();
		return;
	}
	const { headers, body } = copy.variants[encoding];
	res.writeHead(200, headers);
	res.end(body);
}

/**
 * The public status page in front of SvelteKit, like a caching proxy would: anonymous GETs of
 * /status and its data route are answered from a render per language and URL, stored compressed
 * (src/lib/server/http-cache.ts) and written as they are, without going through the framework.
 * `serve` returns false for every other request; a render that may not be stored (an error)
 * sends each of its waiters on to `fallback`, as if there were no cache.
 */
export function publicCache(origin: string, options: Partial<CacheOptions> = {}) {
	const cache = new ResponseCache(options);
	const localeOf = localeResolver(origin);
	const log = childLog({ module: 'public-cache' });

	const render = async (url: string, locale: string): Promise<Rendered> => {
		try {
			const response = await fetch(origin + url, {
				headers: {
					[RENDER_HEADER]: '1',
					'accept-encoding': 'identity',
					accept: url.startsWith('/status/__data.json') ? '*/*' : 'text/html',
					cookie: `PARAGLIDE_LOCALE=${locale}`
				}
			});
			const headers: Record<string, string> = {};
			response.headers.forEach((value, name) => (headers[name] = value));
			return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
		} catch (e) {
			log.error({ err: e }, 'render failed');
			throw e;
		}
	};

	return {
		invalidate: () => cache.invalidate(),
		serve(req: IncomingMessage, res: ServerResponse, fallback: Handler): boolean {
			const url = req.url ?? '';
			const query = url.indexOf('?');
			if (
				req.method !== 'GET' ||
				!PUBLIC_PATHS.has(query < 0 ? url : url.slice(0, query)) ||
				req.headers[RENDER_HEADER]
			) {
				return false;
			}
			const cookie = req.headers.cookie ?? '';
			if (SESSION.test(cookie)) return false;
			const locale = localeOf(cookie, req.headers['accept-language'] ?? '');
			const found = cache.lookup(`${locale} ${url}`, () => render(url, locale));
			if (!(found instanceof Promise)) send(req, res, found);
			else found.then((copy) => (copy ? send(req, res, copy) : fallback(req, res)));
			return true;
		}
	};
}
