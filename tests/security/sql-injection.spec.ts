import { expect, test } from '@playwright/test';
import { A, ADMIN_TOKEN, B, C, anonymous, fixtures, never5xx, signedIn } from './helpers';

/**
 * SQL injection: quotes, comments and tautologies in every place a value reaches a query
 * (search, q, slug, number, key, bodies). Never a 500 (a syntax error would show through),
 * never more rows than the honest search gives, never another client's data.
 */

const PAYLOADS = [
	"'",
	"''",
	"' OR 1=1--",
	"' OR '1'='1",
	'" OR ""="',
	'1; DROP TABLE client;--',
	"') OR ('a'='a",
	'\\',
	"%' --",
	'$1'
];

test('query parameters: search and q', async () => {
	const api = await anonymous();
	const member = await signedIn('viewer@globex.test');
	const staff = await signedIn('staff@demo.test');
	// q searches report numbers (INC-YYYY-NNNNN), LIKE wildcards and backslashes dropped.
	const allOfA = (
		await (await api.get(`/api/v1/clients/${A}/incidents`, { headers: ADMIN_TOKEN })).json()
	).total;
	for (const payload of PAYLOADS) {
		const q = encodeURIComponent(payload);
		const clients = await api.get(`/api/v1/clients?search=${q}`, { headers: ADMIN_TOKEN });
		never5xx(clients, `search=${payload}`);
		expect(clients.status()).toBe(200);
		expect((await clients.json()).total, `search=${payload} matches no client`).toBe(0);

		const incidents = await api.get(`/api/v1/clients/${A}/incidents?q=${q}`, {
			headers: ADMIN_TOKEN
		});
		never5xx(incidents, `q=${payload}`);
		const total = (await incidents.json()).total;
		expect(total, `q=${payload}`).toBe(payload.replace(/[%_\\]/g, '') === '' ? allOfA : 0);

		for (const path of [`/app/${B}/incidents?q=${q}`, `/app/${B}/incidents/export.csv?q=${q}`]) {
			const page = await member.get(path);
			never5xx(page, path);
			const body = await page.text();
			for (const marker of fixtures().markersOfA) expect(body, path).not.toContain(marker);
		}
		for (const path of [`/staff?search=${q}`, `/staff/incidents?q=${q}`])
			never5xx(await staff.get(path), path);
	}
	await Promise.all([api.dispose(), member.dispose(), staff.dispose()]);
});

test('path parameters: slug, number and key', async () => {
	const api = await anonymous();
	const member = await signedIn('viewer@globex.test');
	const { incidentOfA } = fixtures();
	for (const payload of PAYLOADS) {
		const p = encodeURIComponent(payload);
		const paths = [
			`/api/v1/clients/${A}${p}`,
			`/api/v1/clients/${p}/components`,
			`/api/v1/clients/${A}/incidents/${incidentOfA}${p}`,
			`/api/v1/clients/${A}/components/web-1${p}/metrics`
		];
		for (const path of paths) {
			const response = await api.get(path, { headers: ADMIN_TOKEN });
			never5xx(response, path);
			expect(response.status(), path).toBe(404);
		}
		for (const path of [
			`/app/${B}${p}`,
			`/app/${B}/incidents/${incidentOfA}${p}`,
			`/api/v1/clients/${B}${p}/components`
		]) {
			const response = await member.get(path);
			never5xx(response, path);
			expect(response.status(), path).toBe(404);
		}
	}
	await Promise.all([api.dispose(), member.dispose()]);
});

test('bodies: stored as text, read back literally, nothing else touched', async () => {
	const api = await anonymous();
	const before = (await (await api.get('/api/v1/clients', { headers: ADMIN_TOKEN })).json()).total;
	const title = `Quote ' OR 1=1-- ; DROP TABLE incident;-- ${Date.now()}`;
	const filed = await api.post(`/api/v1/clients/${C}/incidents`, {
		headers: ADMIN_TOKEN,
		data: { severity: 'minor', title, description: "Robert'); DROP TABLE client;--" }
	});
	expect(filed.status()).toBe(201);
	const { number } = await filed.json();
	const read = await (
		await api.get(`/api/v1/clients/${C}/incidents/${number}`, { headers: ADMIN_TOKEN })
	).json();
	expect(read.title).toBe(title);
	expect(read.description).toBe("Robert'); DROP TABLE client;--");
	const list = await (
		await api.get(`/api/v1/clients/${C}/incidents`, { headers: ADMIN_TOKEN })
	).json();
	expect(list.items.find((i: { number: string }) => i.number === number)?.title).toBe(title);

	for (const payload of PAYLOADS) {
		const slug = await api.post('/api/v1/clients', {
			headers: ADMIN_TOKEN,
			data: { slug: `x${payload}`, name: payload, contract: { preset: 'alteo' } }
		});
		never5xx(slug, `slug ${payload}`);
		expect(slug.status(), `slug ${payload}`).toBe(422);
		const component = await api.post(`/api/v1/clients/${C}/components`, {
			headers: ADMIN_TOKEN,
			data: { key: payload, name: payload, kind: 'server' }
		});
		never5xx(component, `key ${payload}`);
		expect(component.status(), `key ${payload}`).toBe(422);
		const samples = await api.post('/api/v1/samples', {
			headers: ADMIN_TOKEN,
			data: {
				samples: [
					{ client: payload, component: payload, at: new Date().toISOString(), status: 'up' }
				]
			}
		});
		never5xx(samples, `samples ${payload}`);
		expect(samples.status()).toBeGreaterThanOrEqual(400);
	}
	// The sign-in form: a tautology is a wrong password like any other (a throwaway address, so no account is throttled).
	const login = await api.post('/login', {
		form: { email: `' OR 1=1--@nobody.test`, password: "' OR '1'='1" },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(login.status()).toBe(400);
	expect((await (await api.get('/api/v1/clients', { headers: ADMIN_TOKEN })).json()).total).toBe(
		before
	);
	await api.dispose();
});
