import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { ResponseCache, type CacheOptions, type Rendered } from '$lib/server/http-cache';
import { childLog } from '$lib/server/log';
import { RENDER_HEADER, localeResolver, send, type Handler } from './public-cache';

/** A client's home page, as a document (client-side navigation asks SvelteKit for its data). */
const CLIENT_HOME = /^\/app\/[a-z0-9][a-z0-9-]*$/;
const SESSION_TOKEN = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The signed-in client home in front of SvelteKit: each session's render of `/app/<client>`,
 * stored compressed (src/lib/server/http-cache.ts), is served again until anything may have
 * changed it. The key is the whole Cookie header with the language and URL, so a copy only ever
 * goes back to the session (and cookies) it was rendered for; the render itself went through
 * every check of the app (session, tenant gate, two-factor), and what it did not store (a
 * redirect, a 404, an error) is answered by SvelteKit each time.
 *
 * What makes a copy out of date, at once: any event committed anywhere (the relay's NOTIFY: every
 * state change, incident, notice, a session ended on any node), and any write request this node
 * answers, at its start and at its end (a render begun in between may predate it). What changes
 * with neither (the minutes of today, a write without an event on another node) waits at most
 * `freshMs`. Its inline scripts are allowed by hash, not by a nonce that copies would share.
 */
export function clientHomeCache(origin: string, options: Partial<CacheOptions> = {}) {
	const cache = new ResponseCache({
		freshMs: 2000,
		staleMs: 2000,
		graceMs: 0,
		kept: 500,
		...options
	});
	const localeOf = localeResolver(origin);
	const log = childLog({ module: 'client-home-cache' });

	const render = async (req: IncomingMessage, url: string, token: string): Promise<Rendered> => {
		try {
			const response = await fetch(origin + url, {
				headers: {
					[RENDER_HEADER]: '1',
					'accept-encoding': 'identity',
					accept: 'text/html',
					cookie: req.headers.cookie ?? '',
					'accept-language': req.headers['accept-language'] ?? '',
					'user-agent': req.headers['user-agent'] ?? ''
				}
			});
			const headers: Record<string, string> = {};
			response.headers.forEach((value, name) => {
				if (name !== 'set-cookie') headers[name] = value;
			});
			// The session's sliding renewal is left to the next render; any other cookie keeps the
			// response out of the cache.
			const others = response.headers
				.getSetCookie()
				.filter((c) => !c.startsWith(`${SESSION_COOKIE}=${token};`));
			if (others.length > 0) headers['set-cookie'] = others.join(', ');
			return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
		} catch (e) {
			log.error({ err: e }, 'render failed');
			throw e;
		}
	};

	return {
		invalidate: () => cache.invalidate(),
		serve(req: IncomingMessage, res: ServerResponse, fallback: Handler): boolean {
			if (!SAFE_METHODS.has(req.method ?? '')) {
				cache.invalidate();
				res.on('close', () => cache.invalidate());
				return false;
			}
			const url = req.url ?? '';
			if (req.method !== 'GET' || !CLIENT_HOME.test(url) || req.headers[RENDER_HEADER])
				return false;
			const cookie = req.headers.cookie ?? '';
			const token = SESSION_TOKEN.exec(cookie)?.[1];
			if (!token) return false;
			const locale = localeOf(cookie, req.headers['accept-language'] ?? '');
			const found = cache.lookup(`${cookie}\n${locale}\n${url}`, () => render(req, url, token));
			if (!(found instanceof Promise)) send(req, res, found);
			else found.then((copy) => (copy ? send(req, res, copy) : fallback(req, res)));
			return true;
		}
	};
}
