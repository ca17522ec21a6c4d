import { request as httpRequest } from 'node:http';
import { expect, test, type APIResponse } from '@playwright/test';
import { THROWAWAY_PASSWORD, anonymous, baseURL, fixtures, postLogin, statePath } from './helpers';

/**
 * URL forgery (open redirect): every way a browser could read a `redirectTo` as another site
 * (tab/newline stripping, `\` as `/`, protocol-relative, full URLs, the ideographic full stop that
 * IDNA maps to a dot) must land on the portal, and never answer 500. Signs in a throwaway account
 * (a success never counts against the throttle).
 */

const QUERY_VECTORS = [
	'/%09/evil.example',
	'/%0A/x',
	'/%0D%0A/evil.example',
	'/\\evil.example',
	'/%5Cevil.example',
	'//evil.example',
	'%2F%2Fevil.example',
	'////evil.example',
	'/.//evil.example',
	'https://evil.example',
	'https:evil.example',
	'http:/\\evil.example',
	'/%E3%80%82evil.example',
	'//%E3%80%82evil.example',
	'javascript:alert(1)'
];

/** The same, as a form field carries them (decoded). */
const FORM_VECTORS = [
	'/\t/evil.example',
	'/\n/x',
	'/\r\n/evil.example',
	'/\\evil.example',
	'\\\\evil.example',
	'//evil.example',
	'https://evil.example',
	'/\u3002evil.example',
	'//\u3002evil.example',
	'/%09/evil.example',
	'/%E3%80%82evil.example',
	' //evil.example',
	'javascript:alert(1)'
];

const ours = new URL(baseURL).origin;

/** Where a browser would go: the Location resolved exactly as the WHATWG URL parser (browsers) does. */
function expectStaysOnPortal(response: APIResponse, what: string) {
	expect(response.status(), what).toBeLessThan(500);
	const location = response.headers()['location'];
	if (!location) return;
	expect(new URL(location, baseURL).origin, `${what} → ${location}`).toBe(ours);
	expect(location, `${what} → ${location}`).not.toMatch(/^[\s\\/]*[\\/][\s]*[\\/]/);
	expect(location, `${what} → ${location}`).not.toMatch(/[\t\n\r]/);
}

test('sign-in with a forged redirectTo lands on the portal', async () => {
	const { email } = fixtures().throwaways.redirect;
	const request = await anonymous();
	for (const vector of QUERY_VECTORS) {
		const page = await request.get(`/login?redirectTo=${vector}`);
		expect(page.status(), `GET /login?redirectTo=${vector}`).toBe(200);
		const response = await postLogin(request, email, THROWAWAY_PASSWORD, vector);
		expect(response.status(), vector).toBe(303);
		expectStaysOnPortal(response, `redirectTo=${vector}`);
		await request.post('/logout', { form: {}, headers: { accept: 'text/html' }, maxRedirects: 0 });
	}
	await request.dispose();
});

test('the language switch sends a forged redirectTo home', async () => {
	const request = await anonymous();
	for (const redirectTo of [...FORM_VECTORS, ...QUERY_VECTORS]) {
		const response = await request.post('/locale', {
			form: { locale: 'fr', redirectTo },
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), JSON.stringify(redirectTo)).toBe(303);
		expectStaysOnPortal(response, `POST /locale ${JSON.stringify(redirectTo)}`);
	}
	// A path of the portal is still honoured.
	const own = await request.post('/locale', {
		form: { locale: 'fr', redirectTo: '/status?x=1' },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(own.headers()['location']).toBe('/status?x=1');
	await request.dispose();
});

test('paths that look like another host are never redirected off-site', async () => {
	for (const path of [
		'//evil.example/',
		'//evil.example/%2e%2e',
		'/%5Cevil.example/',
		'/\\evil.example/',
		'/%2F%2Fevil.example/',
		'/app//evil.example/',
		'/login/',
		'/status/'
	]) {
		const { status, location } = await rawGet(path);
		expect(status, path).toBeLessThan(500);
		if (location) expect(new URL(location, baseURL).origin, `${path} → ${location}`).toBe(ours);
		if (location) expect(location, `${path} → ${location}`).not.toMatch(/^[\\/]{2}/);
	}
});

test('a browser signing in with a forged redirectTo never requests another site', async ({
	browser
}) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	const offsite: string[] = [];
	await page.route(
		(url) => url.origin !== ours,
		(route) => {
			offsite.push(route.request().url());
			return route.fulfill({ status: 200, body: 'evil' });
		}
	);
	for (const vector of ['/%5Cevil.example', '/%E3%80%82evil.example']) {
		await page.goto(`/login?redirectTo=${vector}`);
		// Typed once the page has hydrated (a value typed before would be reset).
		await page.waitForLoadState('networkidle');
		const email = page.getByLabel(/adresse e-mail|e-mail address/i);
		await email.fill(fixtures().throwaways.redirect.email);
		await page.getByLabel(/^mot de passe$|^password$/i).fill(THROWAWAY_PASSWORD);
		await expect(email).toHaveValue(fixtures().throwaways.redirect.email);
		await page.getByRole('button', { name: /se connecter|sign in/i }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));
		expect(new URL(page.url()).origin).toBe(ours);
		await context.clearCookies();
	}
	expect(offsite).toEqual([]);
	await context.close();
	// A signed-in visitor of /login goes to their landing page, whatever redirectTo says.
	const signedIn = await browser.newContext({ storageState: statePath('viewer@globex.test') });
	const own = await signedIn.newPage();
	await own.goto('/login?redirectTo=//evil.example');
	expect(new URL(own.url()).origin).toBe(ours);
	await signedIn.close();
});

/** A request line the client libraries would normalise: sent as is. */
function rawGet(path: string): Promise<{ status: number; location?: string }> {
	const { hostname, port } = new URL(baseURL);
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			{ host: hostname, port, path, method: 'GET', headers: { host: new URL(baseURL).host } },
			(res) => {
				res.resume();
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, location: res.headers.location })
				);
			}
		);
		req.on('error', reject);
		req.end();
	});
}
