import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers';

const evil = 'http://evil.example';

async function postLogin(
	request: APIRequestContext,
	baseURL: string,
	redirectTo: string,
	email = 'viewer@globex.test'
) {
	return request.post(`/login?redirectTo=${redirectTo}`, {
		form: { email, password: DEMO_PASSWORD },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
}

test.describe('redirectTo never leaves the portal', () => {
	for (const vector of [
		'/%09/evil.example',
		'/%0A/evil.example',
		'/%0D%0A/evil.example',
		'/%5Cevil.example',
		'//evil.example',
		'/%E3%80%82evil.example'
	]) {
		test(`sign-in with redirectTo=${vector} stays on the portal`, async ({ request, baseURL }) => {
			const response = await postLogin(request, baseURL!, vector);
			expect(response.status()).toBe(303);
			const location = response.headers()['location'];
			expect(new URL(location, baseURL).origin).toBe(new URL(baseURL!).origin);
			expect(location).not.toMatch(/^[/\\\s]{2}/);
		});
	}

	test('a path of the portal is still honoured, and a foreign one lands on the home page', async ({
		request,
		baseURL
	}) => {
		expect(
			(await postLogin(request, baseURL!, '/app/globex/incidents')).headers()['location']
		).toBe('/app/globex/incidents');
		expect((await postLogin(request, baseURL!, '/%09/evil.example')).headers()['location']).toBe(
			'/app/globex'
		);
	});

	test('the browser signs in through the form and is not sent to another site', async ({
		page,
		baseURL
	}) => {
		await page.route(
			(url) => url.hostname.endsWith('evil.example'),
			(route) => route.fulfill({ status: 200, body: 'evil' })
		);
		await page.goto('/login?redirectTo=/%09/evil.example');
		await page.getByLabel('Adresse e-mail').fill('viewer@globex.test');
		await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Se connecter' }).click();
		await expect(page).toHaveURL(`${baseURL}/app/globex`);
	});

	test('the language switch sends a foreign redirectTo home', async ({ request, baseURL }) => {
		for (const redirectTo of ['/\\evil.example', '/\t/evil.example', `${evil}/`]) {
			const response = await request.post('/locale', {
				form: { locale: 'fr', redirectTo },
				headers: { origin: baseURL!, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(response.status()).toBe(303);
			expect(response.headers()['location']).toBe('/');
		}
	});
});

test.describe('the API Origin check and bearer auth hold for every spelling of /api/', () => {
	test('a percent-encoded /api/ path with a session cookie and a foreign Origin is refused', async ({
		request,
		baseURL
	}) => {
		expect((await postLogin(request, baseURL!, '/', 'contact@acme.test')).status()).toBe(303);
		// The encoded path does reach the API (same origin: readable).
		expect((await request.get('/%61pi/v1/clients/acme/incidents')).status()).toBe(200);
		const title = `Forged ${Date.now()}`;
		for (const path of [
			'/%61pi/v1/clients/acme/incidents',
			'/%61%70%69/v1/clients/acme/incidents',
			'/api/v1/clients/acme/incidents'
		]) {
			const forged = await request.post(path, {
				headers: { origin: evil },
				data: { severity: 'minor', components: [], title, description: 'Cross-site.' }
			});
			expect(forged.status(), path).toBe(403);
			expect((await forged.json()).error.code).toBe('forbidden');
		}
		const list = await request.get('/api/v1/clients/acme/incidents');
		expect(JSON.stringify(await list.json())).not.toContain(title);
		// Any other cookie-authenticated write from another origin is refused too, whatever the path.
		const page = await request.post('/app/acme/people?/invite', {
			headers: { origin: evil, 'content-type': 'application/json' },
			data: { email: 'x@evil.example', name: 'X', role: 'admin' }
		});
		expect(page.status()).toBe(403);
		// Same-origin form posts still work.
		const locale = await request.post('/locale', {
			form: { locale: 'fr', redirectTo: '/app/acme' },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(locale.status()).toBe(303);
		expect(locale.headers()['location']).toBe('/app/acme');
	});

	test('a bearer token is checked on a percent-encoded /api/ path', async ({ request }) => {
		const bad = await request.get('/%61pi/v1/clients', {
			headers: { authorization: 'Bearer not-a-token' }
		});
		expect(bad.status()).toBe(401);
		expect(bad.headers()['www-authenticate']).toBe('Bearer');
		const good = await request.get('/%61pi/v1/clients', {
			headers: { authorization: 'Bearer demo-admin-token' }
		});
		expect(good.status()).toBe(200);
	});
});
