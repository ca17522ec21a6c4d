import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const admin = { authorization: 'Bearer demo-admin-token' };

test('the incident API: file a phoned-in report, acknowledge, note, resolve', async ({
	request
}) => {
	const reportedAt = new Date(Date.now() - 30 * 60_000).toISOString();
	const filed = await request.post('/api/v1/clients/acme/incidents', {
		headers: admin,
		data: {
			severity: 'critical',
			components: ['web-1'],
			title: 'Appel : site lent',
			description: 'Signalé par téléphone.',
			reportedAt
		}
	});
	expect(filed.status()).toBe(201);
	const body = await filed.json();
	expect(body.number).toMatch(/^INC-\d{4}-\d{5}$/);
	expect(body.reportedAt).toBe(reportedAt);
	// alteo: critical runs on the calendar clock, 1 h / 4 h (000 §2 table).
	expect(Date.parse(body.acknowledgeBy) - Date.parse(reportedAt)).toBe(3_600_000);

	const base = `/api/v1/clients/acme/incidents/${body.number}`;
	expect(
		(
			await request.post(`${base}/acknowledge`, {
				headers: admin,
				data: { nature: 'Saturation', estimatedResolution: '1 h' }
			})
		).status()
	).toBe(200);
	expect(
		(
			await request.post(`${base}/updates`, {
				headers: admin,
				data: { message: 'Note interne', internal: true }
			})
		).status()
	).toBe(201);
	const resolved = await request.post(`${base}/resolve`, {
		headers: admin,
		data: { summary: 'Cache vidé.' }
	});
	expect((await resolved.json()).status).toBe('resolved');
	expect(
		(
			await request.post(`${base}/resolve`, { headers: admin, data: { summary: 'Encore' } })
		).status()
	).toBe(409);

	const detail = await (await request.get(base, { headers: admin })).json();
	expect(detail.updates.map((u: { kind: string }) => u.kind)).toEqual([
		'filed',
		'acknowledged',
		'note',
		'resolved'
	]);

	const future = await request.post('/api/v1/clients/acme/incidents', {
		headers: admin,
		data: {
			severity: 'minor',
			title: 'Futur',
			description: 'x',
			reportedAt: new Date(Date.now() + 3_600_000).toISOString()
		}
	});
	expect(future.status()).toBe(422);
	expect((await future.json()).error.details.fields).toHaveProperty('reportedAt');
});

test("a client never reaches another client's report, nor its internal notes", async ({
	page,
	browser,
	request
}) => {
	const filed = await (
		await request.post('/api/v1/clients/globex/incidents', {
			headers: admin,
			data: { severity: 'minor', title: 'Globex seul', description: 'x' }
		})
	).json();
	await request.post(`/api/v1/clients/globex/incidents/${filed.number}/updates`, {
		headers: admin,
		data: { message: 'Secret', internal: true }
	});
	await signIn(page, 'viewer@acme.test');
	expect(
		(await page.request.get(`/api/v1/clients/globex/incidents/${filed.number}`)).status()
	).toBe(404);
	expect((await page.request.get(`/api/v1/clients/acme/incidents/${filed.number}`)).status()).toBe(
		404
	);
	const globex = await (await browser.newContext()).newPage();
	await signIn(globex, 'viewer@globex.test');
	const seen = await (
		await globex.request.get(`/api/v1/clients/globex/incidents/${filed.number}`)
	).json();
	expect(JSON.stringify(seen)).not.toContain('Secret');
});
