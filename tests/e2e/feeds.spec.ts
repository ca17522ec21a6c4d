import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

/**
 * Issue 11 §5–6 in Chromium on the production build: the public feeds of /status, a person's
 * secret calendar URL on /account, and a client's webhooks delivered to a receiver on 127.0.0.1
 * (the test server runs with WEBHOOK_ALLOW_PRIVATE=1). Webhook writes go to a throwaway client.
 */

const admin = { authorization: 'Bearer demo-admin-token' };

test('/status links its Atom, RSS and iCal feeds, each well-formed', async ({ page }) => {
	await page.goto('/status');
	const links = page.locator('head link[rel="alternate"]');
	await expect(links).toHaveCount(3);
	for (const [path, type, root] of [
		['/status/feed.atom', 'application/atom+xml', 'feed'],
		['/status/feed.rss', 'application/rss+xml', 'rss']
	]) {
		await expect(page.locator(`head link[href="${path}"]`)).toHaveAttribute('type', type);
		const parsed = await page.evaluate(async (url) => {
			const response = await fetch(url);
			const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
			return {
				type: response.headers.get('content-type'),
				error: doc.querySelector('parsererror') !== null,
				root: doc.documentElement.nodeName
			};
		}, path);
		expect(parsed).toEqual({ type: `${type}; charset=utf-8`, error: false, root });
	}
	const ics = await page.request.get('/status/maintenance.ics');
	expect(ics.status()).toBe(200);
	expect(ics.headers()['content-type']).toContain('text/calendar');
	expect(await ics.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
});

test('a person makes, regenerates and revokes their secret calendar URL on /account', async ({
	page
}) => {
	await signIn(page, 'viewer@initech.test');
	await page.goto('/account');
	const panel = page.getByTestId('calendar-feed');
	await panel.getByRole('button', { name: /créer mon adresse|create my calendar/i }).click();
	const first = await panel.getByTestId('calendar-feed-url').inputValue();
	expect(first).toMatch(/\/feeds\/maintenance\/[a-z2-7]{32}\.ics$/);
	const feed = await page.request.get(new URL(first).pathname);
	expect(feed.status()).toBe(200);
	expect(await feed.text()).toContain('BEGIN:VCALENDAR');

	await panel.getByRole('button', { name: /nouvelle adresse|new address/i }).click();
	await expect(panel.getByTestId('calendar-feed-url')).not.toHaveValue(first);
	const second = await panel.getByTestId('calendar-feed-url').inputValue();
	expect((await page.request.get(new URL(first).pathname)).status()).toBe(404);
	expect((await page.request.get(new URL(second).pathname)).status()).toBe(200);

	await panel.getByRole('button', { name: /révoquer|revoke/i }).click();
	await expect(panel.getByTestId('calendar-feed-state')).toContainText(
		/pas d'adresse|no calendar/i
	);
	expect((await page.request.get(new URL(second).pathname)).status()).toBe(404);
});

interface Received {
	headers: IncomingHttpHeaders;
	raw: string;
}

test.describe('webhooks', () => {
	let server: Server;
	const received: Received[] = [];
	const answers: number[] = [];
	let receiver = '';

	test.beforeAll(async () => {
		server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
				res.statusCode = answers.shift() ?? 204;
				res.end();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		receiver = `http://127.0.0.1:${(server.address() as AddressInfo).port}/portal`;
	});

	test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	test('staff add a webhook, it receives a signed event, the log shows the retry and a replay', async ({
		page,
		request
	}) => {
		test.setTimeout(90_000);
		const slug = `hooks-${Date.now().toString(36)}`;
		expect(
			(
				await request.post('/api/v1/clients', {
					headers: admin,
					data: { slug, name: 'Webhook test', contract: { preset: 'alteo' } }
				})
			).status()
		).toBe(201);
		await request.post(`/api/v1/clients/${slug}/components`, {
			headers: admin,
			data: { key: 'web-1', name: 'Web', kind: 'server' }
		});

		await signIn(page, 'staff@demo.test');
		await page.goto(`/app/${slug}/settings/webhooks`);
		await expect(page.getByTestId('webhooks-empty')).toBeVisible();

		// A bad address is refused, the form keeps what was typed.
		await page.getByLabel(/adresse \(url\)|address \(url\)/i).fill('ftp://files.example.com/in');
		await page.getByRole('button', { name: /^ajouter$|^add$/i }).click();
		await expect(page.locator('#webhook-url-error')).toBeVisible();
		await expect(page.getByLabel(/adresse \(url\)|address \(url\)/i)).toHaveValue(
			'ftp://files.example.com/in'
		);

		await page.getByLabel(/adresse \(url\)|address \(url\)/i).fill(receiver);
		await page.getByRole('checkbox', { name: /incidents/i }).uncheck();
		await page.getByRole('button', { name: /^ajouter$|^add$/i }).click();
		const secret = await page.getByTestId('webhook-secret').inputValue();
		expect(secret).toMatch(/^whsec_/);
		await expect(page.getByTestId('webhook-row')).toHaveCount(1);

		answers.push(500);
		const start = Date.now() + 20 * 86_400_000;
		const created = await request.post(`/api/v1/clients/${slug}/maintenance`, {
			headers: admin,
			data: {
				components: ['web-1'],
				start: new Date(start).toISOString(),
				end: new Date(start + 3_600_000).toISOString(),
				title: 'Mise à jour'
			}
		});
		expect(created.status()).toBe(201);
		const windowId = (await created.json()).id as string;
		await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);

		const [first] = received;
		const signature = `sha256=${createHmac('sha256', secret).update(first.raw).digest('hex')}`;
		expect(first.headers['x-portal-signature']).toBe(signature);
		expect(Number(first.headers['x-portal-timestamp'])).toBeGreaterThan(Date.now() / 1000 - 60);
		expect(JSON.parse(first.raw)).toMatchObject({
			type: 'maintenance.created',
			clientSlug: slug,
			data: { id: windowId }
		});

		await page.getByRole('link', { name: /journal des envois|delivery log/i }).click();
		const row = page.getByTestId('delivery-row');
		await expect(row).toHaveCount(1);
		await expect(row).toHaveAttribute('data-status', 'pending');
		await expect(row).toContainText('HTTP 500');

		// Replayed at once; the original waits for its back-off (30 s).
		await row.getByRole('button', { name: /renvoyer|replay/i }).click();
		await expect.poll(() => received.length, { timeout: 20_000 }).toBe(2);
		expect(received[1].raw).toBe(first.raw);
		await expect(page.locator('[data-testid="delivery-row"][data-status="delivered"]')).toHaveCount(
			1,
			{ timeout: 15_000 }
		);

		await page.getByRole('button', { name: /supprimer le webhook|delete the webhook/i }).click();
		await expect(page.getByTestId('webhooks-empty')).toBeVisible();
	});

	test("another client's webhook settings are a 404; a contact is refused", async ({ page }) => {
		await signIn(page, 'admin@acme.test');
		expect((await page.goto('/app/globex/settings/webhooks'))?.status()).toBe(404);
		expect((await page.goto('/app/acme/settings/webhooks'))?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Webhooks');
		await page.getByRole('link', { name: 'Webhooks' }).first().click();
		await expect(page).toHaveURL(/\/app\/acme\/settings\/webhooks$/);
		const other = await page.request.get('/api/v1/clients/globex/webhooks');
		expect(other.status()).toBe(404);
		await page.context().clearCookies();
		await signIn(page, 'contact@acme.test');
		expect((await page.goto('/app/acme/settings/webhooks'))?.status()).toBe(403);
	});
});
