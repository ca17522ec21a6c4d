import { expect, test, type APIResponse } from '@playwright/test';
import {
	ADMIN_TOKEN,
	B,
	C,
	INGEST_TOKEN,
	anonymous,
	fixtures,
	never5xx,
	signedIn
} from './helpers';

/**
 * Overflow and out-of-range input: oversized bodies (413), NUL characters (PostgreSQL refuses
 * them in text) in query parameters, path segments, form fields and JSON, dates and numbers at the
 * edge of what JavaScript, zod and PostgreSQL can hold, absurd page numbers, deep nesting. Every
 * answer is a 4xx (or an accepted value), never a 500.
 */

const is4xx = (response: APIResponse, what: string) => {
	never5xx(response, what);
	expect.soft(response.status(), `${what}: a 4xx`).toBeGreaterThanOrEqual(400);
};

const now = () => new Date().toISOString();

test('an oversized body gets 413, on the API and on forms', async () => {
	const api = await anonymous();
	const big = 'x'.repeat(5 * 1024 * 1024);
	const json = await api.post('/api/v1/samples', {
		headers: { ...INGEST_TOKEN, 'content-type': 'application/json' },
		data: big
	});
	expect(json.status()).toBe(413);
	expect((await json.json()).error.code).toBe('too_large');
	const form = await api.post('/login', {
		headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		data: `email=${big}`
	});
	expect(form.status()).toBe(413);
	const member = await signedIn('contact@globex.test');
	const cookieApi = await member.post(`/api/v1/clients/${B}/incidents`, {
		headers: { 'content-type': 'application/json' },
		data: big
	});
	expect(cookieApi.status()).toBe(413);
	// An overlong URL or header block is refused by the HTTP server itself.
	is4xx(
		await api.get(`/api/v1/clients?${'a=1&'.repeat(30_000)}`, { headers: ADMIN_TOKEN }),
		'long query'
	);
	await Promise.all([api.dispose(), member.dispose()]);
});

test('NUL in query parameters and path segments → 4xx', async () => {
	const api = await anonymous();
	const member = await signedIn('viewer@globex.test');
	const { incidentOfA } = fixtures();
	for (const path of [
		'/api/v1/clients?search=%00',
		`/api/v1/clients?search=a%00b`,
		`/api/v1/clients/${C}/incidents?q=%00`,
		`/api/v1/clients/${C}/incidents?status=%00&severity=%00&component=%00`,
		`/api/v1/clients/${C}/incidents?from=2026-01-01%00`,
		`/api/v1/clients/${C}/sla?month=%00`,
		`/api/v1/clients/${C}/components/srv-1/metrics?from=%00&step=%00`,
		`/api/v1/clients/${C}%00`,
		`/api/v1/clients/${C}/incidents/INC-2026-00001%00`,
		`/api/v1/clients/${C}/components/srv%00-1/metrics`,
		'/api/v1/clients?%00=1'
	]) {
		is4xx(await api.get(path, { headers: ADMIN_TOKEN }), path);
	}
	for (const path of [
		`/app/${B}/incidents?q=%00`,
		`/app/${B}/incidents?status=%00`,
		`/app/${B}/incidents/export.csv?q=%00`,
		`/app/${B}/sla?month=%00`,
		`/app/${B}/sla/export.csv?month=%00`,
		`/app/${B}%00`,
		`/app/${B}/incidents/${incidentOfA}%00`,
		'/invite/%00',
		'/reset-password/abc%00def',
		'/status?x=%00',
		'/login?redirectTo=%00'
	]) {
		is4xx(await member.get(path, { maxRedirects: 0 }), path);
	}
	await Promise.all([api.dispose(), member.dispose()]);
});

test('NUL in form fields → 4xx', async () => {
	const visitor = await anonymous();
	const contact = await signedIn('contact@globex.test');
	const html = { accept: 'text/html' };
	const cases: [typeof visitor, string, Record<string, string>][] = [
		// Addresses nobody owns: no account gets a counted failure.
		[visitor, '/login', { email: 'nul\u0000@nobody.test', password: 'whatever-password' }],
		[visitor, '/login', { email: 'nul-password@nobody.test', password: 'pass\u0000word-123' }],
		[visitor, '/forgot-password', { email: 'nul\u0000@nobody.test' }],
		[visitor, '/locale', { locale: 'fr\u0000', redirectTo: '/\u0000' }],
		[
			visitor,
			'/invite/abcdefghijklmnopqrstuvwxyz234567',
			{ password: 'a\u0000bcdefghijk', confirm: 'a\u0000bcdefghijk' }
		],
		[
			contact,
			`/app/${B}/incidents/new`,
			{ severity: 'minor', title: 'Title \u0000 with NUL', description: 'x' }
		],
		[
			contact,
			`/app/${B}/incidents/new`,
			{ severity: 'minor\u0000', title: 'Valid title', description: 'x', 'na\u0000me': 'x' }
		],
		[contact, '/account?/preferences', { muteIncidentMail: 'on\u0000' }]
	];
	for (const [who, path, form] of cases) {
		const response = await who.post(path, { form, headers: html, maxRedirects: 0 });
		// The language switch and the preferences ignore what they do not know; everything else refuses.
		if (path === '/locale' || path === '/account?/preferences')
			never5xx(response, `${path} ${JSON.stringify(form)}`);
		else is4xx(response, `${path} ${JSON.stringify(form)}`);
	}
	const list = await contact.get(`/api/v1/clients/${B}/incidents`);
	expect(JSON.stringify(await list.json())).not.toContain('with NUL');
	await Promise.all([visitor.dispose(), contact.dispose()]);
});

test('NUL in JSON bodies → 422 naming the field', async () => {
	const api = await anonymous();
	const bodies: [string, unknown][] = [
		[
			`/api/v1/clients/${C}/incidents`,
			{ severity: 'minor', title: 'Title \u0000', description: 'x' }
		],
		[
			`/api/v1/clients/${C}/incidents`,
			{ severity: 'minor', title: 'Valid title', description: 'x', components: ['srv\u0000'] }
		],
		['/api/v1/clients', { slug: 'nul-client', name: 'N\u0000', contract: { preset: 'alteo' } }],
		[
			'/api/v1/clients',
			{ slug: 'nul-client', name: 'N', contract: { preset: 'alteo', overrides: { 'k\u0000': 1 } } }
		],
		[
			'/api/v1/samples',
			{ samples: [{ client: C, component: 'srv\u0000-1', at: now(), status: 'up' }] }
		]
	];
	for (const [path, data] of bodies) {
		const response = await api.post(path, { headers: ADMIN_TOKEN, data });
		never5xx(response, `${path} ${JSON.stringify(data)}`);
		expect(response.status(), `${path} ${JSON.stringify(data)}`).toBe(422);
	}
	await api.dispose();
});

test('dates at the edge: 0000-01-01 and friends never reach PostgreSQL as errors', async () => {
	const api = await anonymous();
	const member = await signedIn('viewer@globex.test');
	const dates = [
		'0000-01-01',
		'0001-01-01T00:00:00Z',
		'9999-12-31',
		'%2B275760-09-13',
		'-000001-01-01',
		'2026-02-30',
		'1e20',
		'now()'
	];
	for (const d of dates) {
		for (const path of [
			`/api/v1/clients/${C}/incidents?from=${d}`,
			`/api/v1/clients/${C}/incidents?to=${d}`,
			`/api/v1/clients/${C}/components/srv-1/metrics?from=${d}`,
			`/api/v1/clients/${C}/components/srv-1/metrics?to=${d}`
		]) {
			never5xx(await api.get(path, { headers: ADMIN_TOKEN }), path);
		}
		for (const path of [
			`/app/${B}/incidents?from=${d}&to=${d}`,
			`/app/${B}/incidents/export.csv?from=${d}`
		]) {
			never5xx(await member.get(path), path);
		}
	}
	for (const month of ['0000-01', '9999-12', '2026-13', '-0001-01', '1e20']) {
		never5xx(
			await api.get(`/api/v1/clients/${C}/sla?month=${month}`, { headers: ADMIN_TOKEN }),
			`sla month=${month}`
		);
		never5xx(await member.get(`/app/${B}/sla?month=${month}`), `page sla month=${month}`);
	}

	const ancient = await api.post(`/api/v1/clients/${C}/incidents`, {
		headers: ADMIN_TOKEN,
		data: {
			severity: 'minor',
			title: 'Reported in year one',
			description: 'x',
			reportedAt: '0001-01-01T00:00:00Z'
		}
	});
	expect(ancient.status()).toBe(422);
	expect((await ancient.json()).error.details.fields).toHaveProperty('reportedAt');
	for (const at of ['0001-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z']) {
		const sample = await api.post('/api/v1/samples', {
			headers: INGEST_TOKEN,
			data: { samples: [{ client: C, component: 'srv-1', at, status: 'up' }] }
		});
		expect(sample.status(), `sample at ${at}`).toBe(422);
		const window = await api.post(`/api/v1/clients/${C}/maintenance`, {
			headers: ADMIN_TOKEN,
			data: { components: ['srv-1'], start: at, end: now(), title: 'Ancient window' }
		});
		is4xx(window, `maintenance start ${at}`);
	}
	await Promise.all([api.dispose(), member.dispose()]);
});

test('metric values beyond a float4 (1e39, 1e-50, 3.5e38) → 422 or accepted, never 500', async () => {
	const api = await anonymous();
	const values: Record<string, number>[] = [
		{ latencyMs: 1e39 },
		{ latencyMs: 1e-50 },
		{ load1: 3.5e38 },
		{ cpuPct: -1e308 },
		{ netInBps: 1e308 },
		{ netOutBps: 5e-324 },
		{ iowaitPct: 1e-320 }
	];
	for (const metrics of values) {
		const response = await api.post('/api/v1/samples', {
			headers: INGEST_TOKEN,
			data: { samples: [{ client: C, component: 'srv-1', at: now(), status: 'up', ...metrics }] }
		});
		never5xx(response, JSON.stringify(metrics));
		expect([202, 422], JSON.stringify(metrics)).toContain(response.status());
	}
	// Literal JSON the way an agent in another language may write it.
	for (const literal of ['1e39', '1E+39', '-0', '1e-50', '123456789012345678901234567890']) {
		const response = await api.post('/api/v1/samples', {
			headers: { ...INGEST_TOKEN, 'content-type': 'application/json' },
			data: `{"samples":[{"client":"${C}","component":"srv-1","at":"${now()}","status":"up","latencyMs":${literal}}]}`
		});
		never5xx(response, literal);
	}
	await api.dispose();
});

test('absurd page numbers and sizes → not 500', async () => {
	const api = await anonymous();
	const staff = await signedIn('staff@demo.test');
	const member = await signedIn('viewer@globex.test');
	for (const page of [
		'1e20',
		'-1',
		'0',
		'NaN',
		'99999999999999999999',
		'1.5',
		'0x10',
		'Infinity'
	]) {
		never5xx(
			await api.get(`/api/v1/clients?page=${page}`, { headers: ADMIN_TOKEN }),
			`clients page=${page}`
		);
		never5xx(
			await api.get(`/api/v1/clients/${C}/incidents?page=${page}`, { headers: ADMIN_TOKEN }),
			`incidents page=${page}`
		);
		for (const path of [
			`/staff?page=${page}`,
			`/staff/outbox?page=${page}`,
			`/staff/incidents?page=${page}`
		])
			never5xx(await staff.get(path), path);
		never5xx(await member.get(`/app/${B}/incidents?page=${page}`), `register page=${page}`);
	}
	never5xx(
		await api.get(`/api/v1/clients/${C}/incidents/INC-2026-${'9'.repeat(40)}`, {
			headers: ADMIN_TOKEN
		}),
		'long number'
	);
	await Promise.all([api.dispose(), staff.dispose(), member.dispose()]);
});

test('a 3,000-deep contract.overrides (and other deep bodies) → 422', async () => {
	const api = await anonymous();
	const deep = (depth: number, leaf: unknown = 1) => {
		let value: unknown = leaf;
		for (let i = 0; i < depth; i++) value = { sla: value };
		return value;
	};
	const created = await api.post('/api/v1/clients', {
		headers: ADMIN_TOKEN,
		data: {
			slug: `deep-${Date.now().toString(36)}`,
			name: 'Deep',
			contract: { preset: 'alteo', overrides: deep(3000) }
		}
	});
	expect(created.status()).toBe(422);
	expect(JSON.stringify((await created.json()).error.details.fields)).toContain(
		'contract.overrides'
	);
	const arrays = await api.post('/api/v1/samples', {
		headers: { ...INGEST_TOKEN, 'content-type': 'application/json' },
		data: `{"samples":${'['.repeat(3000)}${']'.repeat(3000)}}`
	});
	expect(arrays.status()).toBe(422);
	const wide = await api.post(`/api/v1/clients/${C}/incidents`, {
		headers: ADMIN_TOKEN,
		data: { severity: 'minor', title: 'x'.repeat(200_000), description: 'y'.repeat(2_000_000) }
	});
	expect(wide.status()).toBe(422);
	const surrogate = await api.post(`/api/v1/clients/${C}/incidents`, {
		headers: { ...ADMIN_TOKEN, 'content-type': 'application/json' },
		data: '{"severity":"minor","title":"Lone \\ud800 surrogate","description":"\\udfff"}'
	});
	never5xx(surrogate, 'lone surrogate');
	await api.dispose();
});
