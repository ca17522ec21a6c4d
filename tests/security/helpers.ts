import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	expect,
	request as playwrightRequest,
	type APIRequestContext,
	type APIResponse
} from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import type { LiveEvent } from '../../src/lib/live/events';

/**
 * Shared by the attack suite: who signs in, where their cookies are kept, and what the setup
 * project (auth.setup.ts) prepared. Every demo account signs in once per run, in the setup;
 * specs reuse the stored cookies, so no demo account ever meets the login throttle.
 */

export const DEMO_PASSWORD = 'demo-password';
export const THROWAWAY_PASSWORD = 'throwaway-password-1';
export const ADMIN_TOKEN = { authorization: 'Bearer demo-admin-token' };
export const INGEST_TOKEN = { authorization: 'Bearer demo-ingest-token' };
export const EVIL = 'http://evil.example';

/** Client A is attacked, client B attacks it; client C (initech) takes the suite's own writes. */
export const A = 'acme';
export const B = 'globex';
export const C = 'initech';
export const B_ROLES = ['admin@globex.test', 'contact@globex.test', 'viewer@globex.test'] as const;

/** Demo accounts the setup signs in (once each). */
export const ACCOUNTS = [
	'staff@demo.test',
	'operator@demo.test',
	'contact@acme.test',
	...B_ROLES,
	'admin@initech.test',
	'viewer@initech.test'
] as const;
export type Account = (typeof ACCOUNTS)[number];

/** Throwaway accounts the setup creates through a staff invitation (never demo accounts). */
export const THROWAWAYS = [
	'redirect',
	'bruteSequential',
	'bruteConcurrent',
	'logout',
	'reset',
	'poison'
] as const;
export type Throwaway = (typeof THROWAWAYS)[number];

export interface Fixtures {
	/** A report of client A, filed by the setup, and its title (found nowhere B may look). */
	incidentOfA: string;
	/** Strings only client A's data holds. */
	markersOfA: string[];
	/** One component key of client A. */
	componentOfA: string;
	/** A maintenance window of client A, published by the setup. */
	maintenanceOfA: string;
	/** A webhook of client A and one of its deliveries, created by the setup. */
	webhookOfA: string;
	deliveryOfA: string;
	/** A restore request of client A (the demo seeds them). */
	restoreOfA: string;
	/** A demo backup of A (the sweep opens its page and API reads). */
	backupOfA: string;
	/** A full export of client A, asked for by the setup (or the one already under way). */
	exportOfA: string;
	/** A `read`-scope API token created by staff. */
	readToken: string;
	throwaways: Record<Throwaway, { email: string; cookie: string }>;
}

export const baseURL = `http://localhost:${Number(process.env.E2E_PORT ?? 4173)}`;
const stateDir = join(tmpdir(), `portal-security-${new URL(baseURL).port}`);

export function statePath(email: string): string {
	return join(stateDir, `${email.replace(/[^a-z0-9]/gi, '_')}.json`);
}

export function writeFixtures(fixtures: Fixtures) {
	mkdirSync(stateDir, { recursive: true });
	writeFileSync(join(stateDir, 'fixtures.json'), JSON.stringify(fixtures, null, '\t'));
}

let cached: Fixtures | undefined;
export function fixtures(): Fixtures {
	cached ??= JSON.parse(readFileSync(join(stateDir, 'fixtures.json'), 'utf8')) as Fixtures;
	return cached;
}

export function ensureStateDir() {
	mkdirSync(stateDir, { recursive: true });
}

/** The `Cookie` header of a signed-in account (from its stored state). */
export function cookieOf(email: string): string {
	const state = JSON.parse(readFileSync(statePath(email), 'utf8')) as {
		cookies: { name: string; value: string }[];
	};
	return state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/**
 * A request context signed in as `email` (stored cookies), sending our own Origin like a browser
 * would (`origin: false`: no Origin header unless a request sets one).
 */
export function signedIn(email: string, { origin = true } = {}): Promise<APIRequestContext> {
	return playwrightRequest.newContext({
		baseURL,
		storageState: statePath(email),
		extraHTTPHeaders: origin ? { origin: baseURL } : {}
	});
}

export function anonymous(): Promise<APIRequestContext> {
	return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
}

/** A request context carrying a raw `Cookie` header (throwaway sessions, forged cookies). */
export function withCookie(cookie: string): Promise<APIRequestContext> {
	return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL, cookie } });
}

/** A sign-in through the form, as the browser posts it (no redirect followed). */
export function postLogin(
	request: APIRequestContext,
	email: string,
	password: string,
	redirectTo?: string
) {
	const query = redirectTo === undefined ? '' : `?redirectTo=${redirectTo}`;
	return request.post(`/login${query}`, {
		form: { email, password },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
}

/** `portal_session=…` out of a response's Set-Cookie headers. */
export function sessionCookieFrom(response: APIResponse): string | null {
	const header = response
		.headersArray()
		.filter((h) => h.name.toLowerCase() === 'set-cookie')
		.map((h) => h.value)
		.find((v) => v.startsWith('portal_session=') && !/^portal_session=;/.test(v));
	return header ? header.split(';')[0] : null;
}

/** The newest mail of the staff outbox sent to `to`, as text. */
export async function latestMailTo(staff: APIRequestContext, to: string): Promise<string | null> {
	const html = await (await staff.get('/staff/outbox')).text();
	const mail = html
		.split('data-testid="outbox-mail"')
		.find((chunk) => chunk.includes(`<strong>${to}</strong>`));
	return mail ?? null;
}

export function linkIn(mail: string | null, kind: 'invite' | 'reset-password'): string | null {
	const match = mail && new RegExp(`https?://[^\\s<"]+/${kind}/([a-z0-9]+)`).exec(mail);
	return match ? new URL(match[0]).pathname : null;
}

/** A server error anywhere is a finding: the suite never accepts a 5xx (soft: every case is reported). */
export function never5xx(response: APIResponse, what: string) {
	expect.soft(response.status(), `${what}: no server error`).toBeLessThan(500);
}

/** A socket as the browser opens it: same origin, the session cookie, the websocket transport. */
export function openSocket(
	cookie: string | null
): Promise<{ socket: Socket; events: LiveEvent[] }> {
	const socket = io(baseURL, {
		transports: ['websocket'],
		reconnection: false,
		forceNew: true,
		extraHeaders: { origin: baseURL, ...(cookie ? { cookie } : {}) }
	});
	const events: LiveEvent[] = [];
	socket.on('event', (event: LiveEvent) => events.push(event));
	return new Promise((resolve, reject) => {
		socket.once('connect', () => resolve({ socket, events }));
		socket.once('connect_error', reject);
	});
}

/** Waits until `check` holds (polling), or fails with `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 10_000) {
	const end = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}
