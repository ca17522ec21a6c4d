import { expect, test, type APIRequestContext } from '@playwright/test';
import { signIn } from './helpers';

const INGEST = { authorization: 'Bearer demo-ingest-token' };

function push(
	request: APIRequestContext,
	component: string,
	status: string,
	offsetMs = 0,
	metrics: Record<string, number> = {}
) {
	return request.post('/api/v1/samples', {
		headers: INGEST,
		data: {
			samples: [
				{
					client: 'acme',
					component,
					at: new Date(Date.now() + offsetMs).toISOString(),
					status,
					...metrics
				}
			]
		}
	});
}

test('a component flips to down and back, live, as samples arrive through the API', async ({
	page,
	request
}) => {
	await signIn(page, 'viewer@acme.test');
	await expect(page.getByTestId('live-indicator')).toHaveText('En direct');
	await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
	const row = page.locator('li[data-key="extranet"]');

	const down = await push(request, 'extranet', 'down');
	expect(down.status()).toBe(202);
	await expect(row.getByTestId('status-badge')).toHaveAttribute('data-status', 'down');
	await expect(row.getByTestId('status-badge')).toHaveText('Hors service');
	await expect(page.getByTestId('overall-status')).toHaveAttribute('data-status', 'down');
	await expect(row.getByTestId('status-since')).toBeVisible();

	expect((await push(request, 'extranet', 'up', 1000)).status()).toBe(202);
	await expect(row.getByTestId('status-badge')).toHaveAttribute('data-status', 'up');
	await expect(row.getByTestId('uptime-bars')).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(7);
});

test('server charts render with data and grow as samples arrive', async ({ page, request }) => {
	const metrics = {
		cpuPct: 42,
		ramPct: 61,
		diskPct: 35,
		netInBps: 120_000,
		netOutBps: 80_000,
		latencyMs: 12,
		load1: 0.7,
		iowaitPct: 2
	};
	expect((await push(request, 'web-1', 'up', -120_000, metrics)).status()).toBe(202);
	await signIn(page, 'viewer@acme.test');
	const server = page.locator('[data-testid="server-metrics"][data-key="web-1"]');
	const chart = server.getByTestId('metric-chart').first();
	await expect(chart).toHaveAttribute('data-points', /^[1-9]/);
	await expect(page.getByTestId('live-indicator')).toHaveText('En direct');
	// The live point is the newest minute (the count can stay put: the range's first minute may leave
	// it meanwhile). The sample is dated at the instant the minute is taken from, so no rollover races.
	const sentAt = Date.now();
	const minute = new Date(Math.floor(sentAt / 60_000) * 60_000).toISOString();
	expect(await chart.getAttribute('data-last-at')).not.toBe(minute);
	const live = { ...metrics, cpuPct: 50 };
	expect((await push(request, 'web-1', 'up', sentAt - Date.now(), live)).status()).toBe(202);
	await expect(chart).toHaveAttribute('data-last-at', minute);
	await server.getByRole('button', { name: '7 j' }).click();
	await expect(chart).toHaveAttribute('data-points', /^[1-9]/);
});

test('the public page shows shared components live, and nothing of any client', async ({
	page,
	request
}) => {
	await page.goto('/status');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('État des services');
	await expect(page.getByTestId('live-indicator')).toHaveText('En direct');
	const body = await page.locator('main').innerText();
	for (const secret of ['Acme', 'acme', 'Globex', 'Initech', 'Serveur web 1', 'Extranet'])
		expect(body).not.toContain(secret);
	// The anonymous HTML carries no nonce (its inline scripts are allowed by hash): any cache may keep it.
	const html = await request.get('/status');
	expect(html.headers()['cache-control']).toBe('public, max-age=5');
	expect(html.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
	expect(html.headers()['content-security-policy']).not.toContain("'nonce-");
	const data = await request.get('/status/__data.json');
	expect(data.headers()['cache-control']).toContain('public');
	expect(data.headers()['content-security-policy'] ?? '').not.toContain("'nonce-");
});

test('a visitor served the copy made before a change still sees the change (the cursor replays it)', async ({
	page,
	request
}) => {
	const row = page
		.getByTestId('public-components')
		.locator('li')
		.filter({ hasText: 'Réseau et accès Internet' });
	for (const [status, offsetMs] of [
		['down', 0],
		['up', 1000]
	] as const) {
		// A copy exists; the change outdates it; the page asked for right away may still be that copy.
		expect((await request.get('/status')).status()).toBe(200);
		const change = await request.post('/api/v1/samples', {
			headers: INGEST,
			data: {
				samples: [
					{
						client: 'infra',
						component: 'network',
						at: new Date(Date.now() + offsetMs).toISOString(),
						status
					}
				]
			}
		});
		expect(change.status()).toBe(202);
		await page.goto('/status');
		await expect(row).toHaveAttribute('data-status', status);
	}
});

const ADMIN = { authorization: 'Bearer demo-admin-token' };

test("the public page lists shared incidents and maintenance live, and never a client's private incident", async ({
	page,
	request
}) => {
	const tag = Date.now().toString(36);
	const shared = `Coupure du réseau partagé ${tag}`;
	const secret = `Panne confidentielle Acme ${tag}`;
	const planned = `Remplacement du routeur ${tag}`;
	await page.goto('/status');
	await expect(page.getByTestId('live-indicator')).toHaveText('En direct');
	await expect(page.getByRole('heading', { name: 'Historique (90 jours)' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Maintenances passées' })).toBeVisible();

	const file = (client: string, component: string, title: string) =>
		request.post(`/api/v1/clients/${client}/incidents`, {
			headers: ADMIN,
			data: {
				severity: 'major',
				components: [component],
				title,
				description: `Détails internes ${tag}`
			}
		});
	expect((await file('acme', 'extranet', secret)).status()).toBe(201);
	expect((await file('infra', 'network', shared)).status()).toBe(201);
	const start = Date.now() + 3 * 86_400_000;
	const maintenance = await request.post('/api/v1/clients/infra/maintenance', {
		headers: ADMIN,
		data: {
			components: ['network'],
			title: planned,
			start: new Date(start).toISOString(),
			end: new Date(start + 3_600_000).toISOString()
		}
	});
	expect(maintenance.status()).toBe(201);

	const current = page
		.getByTestId('current-incidents')
		.getByTestId('public-incident')
		.filter({ hasText: shared });
	await expect(current).toContainText('Réseau et accès Internet');
	await expect(current.getByTestId('incident-status')).toHaveText('Ouvert');
	const upcoming = page
		.getByTestId('upcoming-maintenance')
		.getByTestId('public-maintenance')
		.filter({ hasText: planned });
	await expect(upcoming).toHaveAttribute('data-state', 'scheduled');
	await expect(upcoming).toContainText('Planifiée');

	const shown = await page.locator('main').innerText();
	expect(shown).not.toContain(secret);
	expect(shown).not.toContain(`Détails internes ${tag}`);
	expect(shown).not.toContain('Infrastructure mutualisée');
	for (const path of ['/status', '/status/__data.json']) {
		const body = await (await request.get(path)).text();
		expect(body).toContain(shared);
		expect(body).not.toContain(secret);
		expect(body).not.toContain('Extranet');
	}
});

test("another client's component metrics answer 404, like a missing one", async ({ page }) => {
	await signIn(page, 'viewer@acme.test');
	const theirs = await page.request.get('/api/v1/clients/globex/components/erp-1/metrics');
	const missing = await page.request.get('/api/v1/clients/no-such-client/components/erp-1/metrics');
	expect(theirs.status()).toBe(404);
	expect(missing.status()).toBe(404);
	expect(await theirs.json()).toEqual(await missing.json());
	expect((await page.request.get('/api/v1/clients/acme/components/web-1/metrics')).status()).toBe(
		200
	);
	expect((await page.request.get('/app/globex')).status()).toBe(404);
});
