import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import {
	ADMIN_TOKEN,
	C,
	THROWAWAY_PASSWORD,
	anonymous,
	fixtures,
	latestMailTo,
	linkIn,
	openSocket,
	postLogin,
	sessionCookieFrom,
	signedIn,
	statePath,
	until,
	withCookie
} from './helpers';

/**
 * Session hijacking: the cookie cannot be read by scripts nor sent cross-site on a POST, a
 * forged, planted or ended session is refused everywhere (pages, API, socket), and a password
 * reset ends every older session. Only throwaway accounts sign in here.
 */

const API = `/api/v1/clients/${C}/components`;

test('the session cookie is HttpOnly, SameSite=Lax, host-only, and unreadable from the page', async ({
	browser
}) => {
	const request = await anonymous();
	const response = await postLogin(
		request,
		fixtures().throwaways.redirect.email,
		THROWAWAY_PASSWORD
	);
	expect(response.status()).toBe(303);
	const header = response
		.headersArray()
		.find(
			(h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('portal_session=')
		)!.value;
	expect(header).toMatch(/;\s*HttpOnly/i);
	expect(header).toMatch(/;\s*SameSite=Lax/i);
	expect(header).toMatch(/;\s*Path=\//i);
	expect(header).not.toMatch(/;\s*Domain=/i);
	// 160 random bits, base32.
	expect(header).toMatch(/^portal_session=[a-z2-7]{32};/);
	await request.dispose();

	const context = await browser.newContext({ storageState: statePath('viewer@globex.test') });
	const page = await context.newPage();
	await page.goto('/app/globex');
	expect(await page.evaluate(() => document.cookie)).not.toContain('portal_session');
	const cookie = (await context.cookies()).find((c) => c.name === 'portal_session')!;
	expect(cookie.httpOnly).toBe(true);
	expect(cookie.sameSite).toBe('Lax');
	await context.close();
});

test('forged session cookies are refused by pages, the API and the socket', async () => {
	const { cookie } = fixtures().throwaways.redirect;
	const real = cookie.split('=')[1];
	const forged = [
		'a'.repeat(32),
		real.slice(0, -1) + (real.endsWith('a') ? 'b' : 'a'),
		// The database keeps the SHA-256 of the token: a leaked row is not a usable cookie.
		createHash('sha256').update(real).digest('hex'),
		"' OR 1=1--",
		'x'.repeat(4000),
		''
	];
	for (const value of forged) {
		const request = await withCookie(`portal_session=${value}`);
		const api = await request.get(API);
		expect(api.status(), value.slice(0, 40)).toBe(401);
		const page = await request.get(`/app/${C}`, { maxRedirects: 0 });
		expect(page.status()).toBe(303);
		expect(page.headers()['location']).toMatch(/^\/login\?redirectTo=/);
		await request.dispose();
		const { socket, events } = await openSocket(`portal_session=${value}`);
		socket.emit('catchUp', 0);
		await new Promise((r) => setTimeout(r, 300));
		expect(events.filter((e) => 'clientSlug' in e.payload)).toEqual([]);
		socket.close();
	}
});

test('a cookie planted before sign-in is replaced, never adopted (fixation)', async () => {
	const planted = 'portal_session=abcdefghijklmnopqrstuvwxyz234567';
	const request = await withCookie(planted);
	const response = await postLogin(
		request,
		fixtures().throwaways.redirect.email,
		THROWAWAY_PASSWORD
	);
	expect(response.status()).toBe(303);
	const issued = sessionCookieFrom(response);
	expect(issued).toBeTruthy();
	expect(issued).not.toBe(planted);
	await request.dispose();
	const stillForged = await withCookie(planted);
	expect((await stillForged.get(API)).status()).toBe(401);
	await stillForged.dispose();
});

test('logout ends the session for pages, the API and the open socket', async () => {
	const { cookie } = fixtures().throwaways.logout;
	const session = await withCookie(cookie);
	const admin = await anonymous();
	const file = async (title: string) => {
		const filed = await admin.post(`/api/v1/clients/${C}/incidents`, {
			headers: ADMIN_TOKEN,
			data: { severity: 'minor', title, description: 'Seen only by a live session of the client.' }
		});
		expect(filed.status()).toBe(201);
		return (await filed.json()).number as string;
	};
	expect((await session.get(API)).status()).toBe(200);
	const { socket, events } = await openSocket(cookie);
	let disconnected = false;
	socket.on('disconnect', () => (disconnected = true));
	const heard = (number: string) =>
		events.some((e) => e.kind === 'incident.filed' && e.payload.number === number);
	// Control: the live session hears its client.
	const before = await file('Before logout');
	await until(() => heard(before), 'the event of the live session');

	const out = await session.post('/logout', {
		form: {},
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(out.status()).toBe(303);
	await session.dispose();

	// The old cookie, replayed by whoever kept a copy.
	const replay = await withCookie(cookie);
	expect((await replay.get(API)).status()).toBe(401);
	const page = await replay.get(`/app/${C}`, { maxRedirects: 0 });
	expect(page.status()).toBe(303);
	expect(
		(
			await replay.post(API, { data: { key: 'x-after-logout', name: 'x', kind: 'server' } })
		).status()
	).toBe(401);
	await replay.dispose();

	// The socket opened with it hears nothing of the client any more, and is closed.
	const after = await file('After logout');
	await new Promise((r) => setTimeout(r, 1000));
	expect(heard(after), 'an event after logout reached the ended session').toBe(false);
	await until(() => disconnected, 'the socket of the ended session to be disconnected', 5000);
	socket.close();
	await admin.dispose();
});

test('a password reset link works once, kills older links and ends every other session', async () => {
	const { email, cookie } = fixtures().throwaways.reset;
	const staff = await signedIn('staff@demo.test');
	const visitor = await anonymous();
	const ask = (address: string) =>
		visitor.post('/forgot-password', {
			form: { email: address },
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
	// The same answer whether or not the account exists.
	const nobody = `nobody-${Date.now()}@${C}.test`;
	const known = await ask(email);
	const unknown = await ask(nobody);
	expect(known.status()).toBe(unknown.status());
	expect((await known.text()).replaceAll(email, '<email>')).toBe(
		(await unknown.text()).replaceAll(nobody, '<email>')
	);

	const first = linkIn(await latestMailTo(staff, email), 'reset-password');
	expect(first).toBeTruthy();
	await ask(email);
	const second = linkIn(await latestMailTo(staff, email), 'reset-password');
	expect(second).toBeTruthy();
	expect(second).not.toBe(first);

	const page = await visitor.get(second!);
	expect(page.status()).toBe(200);
	expect(page.headers()['referrer-policy']).toMatch(
		/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/
	);

	const newPassword = { password: 'another-password-2', confirm: 'another-password-2' };
	const used = await visitor.post(second!, {
		form: newPassword,
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(used.status()).toBe(303);
	expect(sessionCookieFrom(used)).toBeTruthy();

	const thief = await anonymous();
	for (const link of [second!, first!]) {
		const again = await thief.post(link, {
			form: newPassword,
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(again.status(), `${link} used again`).not.toBe(303);
		expect(sessionCookieFrom(again)).toBeNull();
	}
	await thief.dispose();
	// The session held before the reset is over.
	const before = await withCookie(cookie);
	expect((await before.get(API)).status()).toBe(401);
	await Promise.all([before.dispose(), staff.dispose(), visitor.dispose()]);
});
