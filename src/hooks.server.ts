import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { actorFromSession } from '$lib/server/auth/actor';
import { authJobs } from '$lib/server/auth/jobs';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { startDemoActivity } from '$lib/server/demo/simulator';
import { apiErrorBody } from '$lib/server/http';
import { hashedInsteadOfNonce } from '$lib/server/http-cache-csp';
import { isApiPath } from '$lib/server/request-path';
import { backupJobs } from '$lib/server/backups/jobs';
import { incidentJobs } from '$lib/server/incidents/jobs';
import { startJobs } from '$lib/server/jobs/registry';
import { log } from '$lib/server/log';
import { attachRealtime, sharedRealtimeServer } from '$lib/server/live/realtime';
import { mailJobs } from '$lib/server/mail/jobs';
import { maintenanceJobs } from '$lib/server/maintenance/jobs';
import { restoreJobs } from '$lib/server/restores/jobs';
import { statusJobs } from '$lib/server/status/jobs';
import { authenticateApiToken } from '$lib/server/tokens/service';
import { webhookJobs } from '$lib/server/webhooks/jobs';
import { destructionJobs } from '$lib/server/clients/destruction';
import { exportJobs } from '$lib/server/export/jobs';
import { m } from '$lib/paraglide/messages';

export const init: ServerInit = async () => {
	const io = sharedRealtimeServer();
	if (io) await attachRealtime(io);
	if (process.env.MONITOR_JOBS !== '0')
		await startJobs([
			...statusJobs(),
			...incidentJobs(),
			...maintenanceJobs(),
			...mailJobs(),
			...webhookJobs(),
			...authJobs(),
			...backupJobs(),
			...restoreJobs(),
			...exportJobs(),
			...destructionJobs()
		]);
	await startDemoActivity();
};

/** Pages speak the visitor's language; the API always answers in English. */
const i18n: Handle = ({ event, resolve }) => {
	const api = event.url.pathname.startsWith('/api/');
	const detectFrom = api
		? new Request(event.url, { headers: { 'accept-language': 'en' } })
		: event.request;
	return paraglideMiddleware(detectFrom, ({ request, locale }) => {
		if (!api) event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});
};

/**
 * BODY_SIZE_LIMIT is raised for backup manifests (100,000 files, POST …/backups); every other
 * route keeps the 4 MB limit, judged on the declared length.
 */
const BODY_LIMIT = 4 * 1024 * 1024;
const BACKUP_INGEST = /^\/api\/v1\/clients\/[^/]+\/backups\/?$/;
const limitBody: Handle = ({ event, resolve }) => {
	const length = Number(event.request.headers.get('content-length') ?? 0);
	if (length > BODY_LIMIT && !BACKUP_INGEST.test(event.url.pathname)) {
		return new Response(JSON.stringify(apiErrorBody('too_large', m.api_body_too_large())), {
			status: 413,
			headers: { 'content-type': 'application/json' }
		});
	}
	return resolve(event);
};

/** A NUL in the path or a query parameter never reaches a service (PostgreSQL refuses it in text). */
const refuseNul: Handle = ({ event, resolve }) => {
	const params = [...event.url.searchParams]
		.filter(([k, v]) => `${k}${v}`.includes('\u0000'))
		.map(([k]) => k);
	let path = event.url.pathname;
	try {
		path = decodeURIComponent(path);
	} catch {
		return resolve(event);
	}
	if (path.includes('\u0000')) params.push('path');
	if (params.length === 0) return resolve(event);
	const fields = Object.fromEntries(
		params.map((k) => [k.replaceAll('\u0000', ''), 'Character not allowed (NUL).'])
	);
	return Response.json(apiErrorBody('invalid', 'Invalid input', { fields }), {
		status: event.url.pathname.startsWith('/api/') ? 422 : 400
	});
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** One id per request: a well-formed incoming x-request-id, else a new one; echoed on the response. */
const requestId: Handle = async ({ event, resolve }) => {
	const incoming = event.request.headers.get('x-request-id');
	const id = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
	event.locals.requestId = id;
	event.locals.log = log.child({ requestId: id });
	const response = await resolve(event);
	response.headers.set('x-request-id', id);
	return response;
};

/** Builds the request context: bearer token on the API, else the session cookie. */
const authenticate: Handle = async ({ event, resolve }) => {
	let ip: string | null = null;
	try {
		ip = event.getClientAddress();
	} catch {
		ip = null;
	}
	event.locals.ctx = {
		actor: { kind: 'anonymous' },
		ip,
		userAgent: event.request.headers.get('user-agent')?.slice(0, 500) ?? null,
		requestId: event.locals.requestId
	};
	event.locals.user = null;
	event.locals.sessionId = null;
	event.locals.mustEnrolTwoFactor = false;

	const authorization = event.request.headers.get('authorization');
	// Decided on the path as routed: `/%61pi/…` reaches the API just like `/api/…`.
	const api = isApiPath(event.url.pathname);
	if (api && authorization) {
		const match = /^Bearer\s+(\S+)$/i.exec(authorization);
		const token = match ? await authenticateApiToken(match[1]) : null;
		if (!token) {
			return Response.json(apiErrorBody('unauthenticated', m.api_bad_token()), {
				status: 401,
				headers: { 'www-authenticate': 'Bearer' }
			});
		}
		event.locals.ctx.actor = { kind: 'token', tokenId: token.id, scope: token.scope };
		return resolve(event);
	}

	const sessionToken = event.cookies.get(SESSION_COOKIE);
	if (sessionToken) {
		const session = await validateSessionToken(sessionToken);
		if (session) {
			event.locals.ctx.actor = actorFromSession(session);
			event.locals.user = session.user;
			event.locals.sessionId = session.sessionId;
			event.locals.mustEnrolTwoFactor = session.mustEnrolTwoFactor;
			event.cookies.set(
				SESSION_COOKIE,
				sessionToken,
				sessionCookieOptions(event.url, session.expiresAt)
			);
			// SvelteKit checks Origin on form posts; every other cookie-authenticated write gets the same
			// check, whatever its path (so no spelling of `/api/` slips past it).
			if (
				!SAFE_METHODS.has(event.request.method) &&
				event.request.headers.get('origin') !== event.url.origin
			) {
				return api
					? Response.json(apiErrorBody('forbidden', m.api_cross_origin()), { status: 403 })
					: new Response(m.api_cross_origin(), {
							status: 403,
							headers: { 'content-type': 'text/plain; charset=utf-8' }
						});
			}
			if (session.mustEnrolTwoFactor && !api && !ENROLMENT_PATHS.has(event.url.pathname))
				return new Response(null, { status: 303, headers: { location: '/account' } });
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	return resolve(event);
};

/** Where a person who must first set up two-factor sign-in may go. */
const ENROLMENT_PATHS = new Set(['/account', '/logout', '/locale']);

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('x-content-type-options', 'nosniff');
	h.set('referrer-policy', 'strict-origin-when-cross-origin');
	h.set('x-frame-options', 'DENY');
	h.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	if (!h.has('content-security-policy')) {
		h.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
	}
	if (event.locals.user) h.set('cache-control', 'private, no-store');
	return response;
};

/**
 * The anonymous public status page is the same for every visitor, and the cache in front of the
 * app (src/cli/public-cache.ts) serves the same bytes to all: its inline scripts are allowed by
 * hash rather than by a per-response nonce. So are those of a client home rendered for the
 * session's own cache (src/cli/client-home-cache.ts), served again to that session. Every other
 * page, and a signed-in visitor's /status, keeps its nonce.
 */
const CLIENT_HOME = /^\/app\/[^/]+$/;
const shareablePage = (event: RequestEvent) =>
	event.url.pathname === '/status'
		? !event.locals.user
		: CLIENT_HOME.test(event.url.pathname) && event.request.headers.has('x-portal-render');

const shareablePublicPage: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const csp = response.headers.get('content-security-policy');
	if (
		event.request.method !== 'GET' ||
		!shareablePage(event) ||
		!csp?.includes("'nonce-") ||
		!response.headers.get('content-type')?.startsWith('text/html')
	) {
		return response;
	}
	const html = await response.text();
	const shared = hashedInsteadOfNonce(html, csp);
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	if (shared) headers.set('content-security-policy', shared.csp);
	return new Response(shared?.html ?? html, { status: response.status, headers });
};

export const handle = sequence(
	requestId,
	limitBody,
	refuseNul,
	i18n,
	authenticate,
	shareablePublicPage,
	securityHeaders
);

/** Unexpected errors are logged here and shown as a plain message: no stack, no SQL. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) {
		const logger = event.locals.log ?? log.child({ requestId: event.locals.requestId });
		logger.error(
			{ err: error, status, method: event.request.method, path: event.url.pathname },
			'unexpected error'
		);
	}
	return { message: status === 404 ? m.error_not_found() : m.error_internal() };
};
