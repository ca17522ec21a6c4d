import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import {
	A,
	ADMIN_TOKEN,
	B,
	EVIL,
	anonymous,
	baseURL,
	fixtures,
	latestMailTo,
	linkIn,
	signedIn
} from './helpers';

/**
 * HTTP spoofing: proxy and identity headers a client can send (X-Forwarded-*, Forwarded, X-Real-IP,
 * X-Original-URL…) change nothing about who you are or which client you reach; a cookie-authenticated
 * write from another origin is refused on every spelling of the API path; the Host header cannot
 * poison the links the portal mails.
 */

const SPOOF = {
	'x-forwarded-for': '127.0.0.1, 10.0.0.1',
	'x-real-ip': '127.0.0.1',
	'x-forwarded-host': 'evil.example',
	'x-forwarded-proto': 'https',
	'x-forwarded-port': '443',
	forwarded: 'for=127.0.0.1;host=evil.example;proto=https',
	'x-original-url': `/app/${A}`,
	'x-rewrite-url': `/app/${A}`,
	'x-forwarded-user': 'staff@demo.test',
	'x-remote-user': 'staff@demo.test',
	'x-user-role': 'admin',
	'x-client': A
};

test('proxy and identity headers do not change who you are or which client you reach', async () => {
	const member = await signedIn('viewer@globex.test');
	for (const path of [
		`/app/${A}`,
		`/api/v1/clients/${A}`,
		`/api/v1/clients/${A}/incidents`,
		'/staff',
		'/api/v1/clients'
	]) {
		const response = await member.get(path, { headers: SPOOF, maxRedirects: 0 });
		expect(response.status(), path).toBe(404);
	}
	const own = await member.get(`/app/${B}`, { headers: SPOOF });
	expect(own.status()).toBe(200);
	const body = await own.text();
	for (const marker of fixtures().markersOfA) expect(body).not.toContain(marker);

	const stranger = await anonymous();
	expect((await stranger.get('/api/v1/clients', { headers: SPOOF })).status()).toBe(401);
	const staff = await stranger.get('/staff', { headers: SPOOF, maxRedirects: 0 });
	expect(staff.status()).toBe(303);
	expect(staff.headers()['location']).toMatch(/^\/login/);
	// https claimed by a header: still no Secure cookie over http, and still our origin in redirects.
	expect(staff.headers()['location']).not.toContain('evil.example');
	await Promise.all([member.dispose(), stranger.dispose()]);
});

test('a cookie-authenticated write from another origin is refused, whatever the path spelling', async () => {
	const contact = await signedIn('contact@globex.test', { origin: false });
	const title = `Forged cross-site ${Date.now()}`;
	const body = { severity: 'minor', components: [], title, description: 'Cross-site request.' };
	const paths = [
		`/api/v1/clients/${B}/incidents`,
		`/%61pi/v1/clients/${B}/incidents`,
		`/%61%70%69/v1/clients/${B}/incidents`,
		`/api/v1/clients/${B}/%69ncidents`,
		`/api/%761/clients/${B}/incidents`
	];
	const origins: Record<string, string>[] = [
		{ origin: EVIL },
		{ origin: 'null' },
		{ origin: `${baseURL}.evil.example` },
		{ origin: baseURL.replace('localhost', '127.0.0.1') },
		{ origin: EVIL, 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
		// No Origin at all (a same-site Referer is no substitute).
		{ referer: `${baseURL}/app/${B}` }
	];
	for (const path of paths) {
		for (const headers of origins) {
			const forged = await contact.post(path, { headers, data: body });
			expect(forged.status(), `${path} ${JSON.stringify(headers)}`).toBe(403);
		}
		// A "simple" cross-site request (text/plain needs no preflight) is refused the same way.
		const simple = await contact.post(path, {
			headers: { origin: EVIL, 'content-type': 'text/plain' },
			data: JSON.stringify(body)
		});
		expect(simple.status(), `${path} text/plain`).toBe(403);
	}
	// Form actions too (SvelteKit's own check and ours).
	const form = await contact.post(`/app/${B}/incidents/new`, {
		headers: { origin: EVIL, accept: 'text/html' },
		form: { severity: 'minor', title, description: 'Cross-site form.' }
	});
	expect(form.status()).toBe(403);
	const list = await contact.get(`/api/v1/clients/${B}/incidents?page=1`);
	expect(JSON.stringify(await list.json())).not.toContain(title);
	// Bearer tokens are not cookies: they may come from anywhere, on any spelling of the path.
	const token = await anonymous();
	const viaToken = await token.get(`/%61pi/v1/clients/${B}`, {
		headers: { ...ADMIN_TOKEN, origin: EVIL }
	});
	expect(viaToken.status()).toBe(200);
	const badToken = await token.get(`/%61pi/v1/clients/${B}`, {
		headers: { authorization: 'Bearer forged', origin: EVIL }
	});
	expect(badToken.status()).toBe(401);
	await Promise.all([contact.dispose(), token.dispose()]);
});

test('the Host header cannot poison the links the portal mails', async () => {
	const { email } = fixtures().throwaways.poison;
	const host = new URL(baseURL);
	const answer = await new Promise<number>((resolve, reject) => {
		const req = httpRequest(
			{
				host: host.hostname,
				port: host.port,
				method: 'POST',
				path: '/forgot-password',
				headers: {
					host: 'evil.example',
					'x-forwarded-host': 'evil.example',
					'x-forwarded-proto': 'https',
					forwarded: 'host=evil.example;proto=https',
					origin: baseURL,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				}
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			}
		);
		req.on('error', reject);
		req.end(new URLSearchParams({ email }).toString());
	});
	expect(answer).toBeLessThan(500);
	const staff = await signedIn('staff@demo.test');
	const mail = await latestMailTo(staff, email);
	if (answer === 200) expect(mail, 'the reset mail was queued').toBeTruthy();
	if (mail) {
		expect(mail).not.toContain('evil.example');
		expect(linkIn(mail, 'reset-password')).toBeTruthy();
		expect(mail).toContain(`${baseURL}/reset-password/`);
	}
	await staff.dispose();
});
