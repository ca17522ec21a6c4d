import { expect, test } from '@playwright/test';

const admin = { authorization: 'Bearer demo-admin-token' };

test('health and OpenAPI need no token', async ({ request }) => {
	expect(await (await request.get('/healthz')).json()).toEqual({ status: 'ok', db: 'ok' });
	const doc = await (await request.get('/api/v1/openapi.json')).json();
	expect(doc.openapi).toBe('3.1.0');
	expect(Object.keys(doc.paths)).toContain('/clients/{slug}/components/{key}');
});

test('errors share one shape: 401, 403, 400, 422, 409', async ({ request }) => {
	const noToken = await request.get('/api/v1/clients');
	expect(noToken.status()).toBe(401);
	expect((await noToken.json()).error.code).toBe('unauthenticated');

	const badToken = await request.get('/api/v1/clients', {
		headers: { authorization: 'Bearer nope' }
	});
	expect(badToken.status()).toBe(401);

	const ingest = await request.post('/api/v1/clients', {
		headers: { authorization: 'Bearer demo-ingest-token' },
		data: {}
	});
	expect(ingest.status()).toBe(403);

	const malformed = await request.post('/api/v1/clients', {
		headers: { ...admin, 'content-type': 'application/json' },
		data: Buffer.from('{"slug":')
	});
	expect(malformed.status()).toBe(400);

	const invalid = await request.post('/api/v1/clients', {
		headers: admin,
		data: { slug: 'Not A Slug', name: '', contract: { preset: 'nope' } }
	});
	expect(invalid.status()).toBe(422);
	const body = await invalid.json();
	expect(Object.keys(body.error.details.fields).sort()).toEqual(['name', 'preset', 'slug']);

	const duplicate = await request.post('/api/v1/clients/acme/components', {
		headers: admin,
		data: { key: 'web-1', name: 'Dup', kind: 'server' }
	});
	expect(duplicate.status()).toBe(409);
	expect((await duplicate.json()).error.code).toBe('conflict');
});

test('create a client, add and rename a component', async ({ request }) => {
	const created = await request.post('/api/v1/clients', {
		headers: admin,
		data: {
			slug: 'stark',
			name: 'Stark Industries',
			commissionedAt: '2026-01-01',
			contract: { preset: 'softconcept', monthlyFeeCents: 99000 }
		}
	});
	expect(created.status()).toBe(201);
	expect(await created.json()).toMatchObject({
		slug: 'stark',
		timezone: 'Europe/Paris',
		contract: { preset: 'softconcept' }
	});

	const component = await request.post('/api/v1/clients/stark/components', {
		headers: admin,
		data: { key: 'lab-1', name: 'Lab', kind: 'server' }
	});
	expect(component.status()).toBe(201);
	const renamed = await request.patch('/api/v1/clients/stark/components/lab-1', {
		headers: admin,
		data: { name: 'Lab 1', public: true }
	});
	expect(await renamed.json()).toEqual({
		key: 'lab-1',
		name: 'Lab 1',
		kind: 'server',
		public: true,
		expectedIntervalSeconds: 60,
		slaScope: true
	});

	const list = await (await request.get('/api/v1/clients?search=stark', { headers: admin })).json();
	expect(list.clients.map((c: { slug: string }) => c.slug)).toEqual(['stark']);
});

test('a cookie-authenticated JSON write from another origin is refused', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Adresse e-mail').fill('staff@demo.test');
	await page.getByLabel('Mot de passe').fill('demo-password');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL('/staff');
	const forged = await page.request.patch('/api/v1/clients/acme/components/db-1', {
		headers: { origin: 'https://evil.example' },
		data: { name: 'pwned' }
	});
	expect(forged.status()).toBe(403);
});

test('a full batch of 5,000 samples fits; a body over the limit gets 413, not a parse error', async ({
	request
}) => {
	const at = (i: number) => new Date(Date.now() - 3 * 86_400_000 + i * 1000).toISOString();
	const metrics = {
		cpuPct: 12.5,
		ramPct: 40.25,
		diskPct: 61.5,
		netInBps: 123456.7,
		netOutBps: 98765.4,
		latencyMs: 12.3,
		load1: 0.75,
		iowaitPct: 1.5
	};
	const samples = Array.from({ length: 5000 }, (_, i) => ({
		client: 'acme',
		component: 'backup',
		at: at(i),
		status: 'up',
		...metrics
	}));
	const ingest = { authorization: 'Bearer demo-ingest-token' };
	const full = await request.post('/api/v1/samples', { headers: ingest, data: { samples } });
	expect(full.status()).toBe(202);
	expect(await full.json()).toEqual({ accepted: 5000, duplicates: 0 });
	const huge = await request.post('/api/v1/samples', {
		headers: { ...ingest, 'content-type': 'application/json' },
		data: 'x'.repeat(5 * 1024 * 1024)
	});
	expect(huge.status()).toBe(413);
	expect((await huge.json()).error.code).toBe('too_large');
});
