import { expect, test } from '@playwright/test';
import { THROWAWAY_PASSWORD, anonymous, fixtures, postLogin } from './helpers';

/**
 * Brute force / dictionary attacks on the sign-in form: an account gets 4 free failures, then a
 * growing delay during which every attempt, the right password included, is refused with 429 and
 * Retry-After before the password is checked. Concurrent guesses count like sequential ones.
 * Throwaway accounts only (the address counter is shared with the whole run: few failures here).
 */

test('after 5 wrong passwords: 429 with Retry-After, even for the right password and a spoofed address', async () => {
	const { email } = fixtures().throwaways.bruteSequential;
	const request = await anonymous();
	for (let attempt = 1; attempt <= 5; attempt++) {
		const response = await postLogin(request, email, `wrong-guess-${attempt}`);
		expect(response.status(), `attempt ${attempt}`).toBe(400);
	}
	const refused = await postLogin(request, email, 'wrong-guess-6');
	expect(refused.status()).toBe(429);
	const retryAfter = Number(refused.headers()['retry-after']);
	expect(retryAfter).toBeGreaterThan(0);
	// The delay holds before the password is even looked at…
	expect((await postLogin(request, email, THROWAWAY_PASSWORD)).status()).toBe(429);
	// …and a forwarded-for header does not make a new client out of the same one.
	const spoofed = await request.post('/login', {
		form: { email, password: THROWAWAY_PASSWORD },
		headers: { accept: 'text/html', 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.7' },
		maxRedirects: 0
	});
	expect(spoofed.status()).toBe(429);
	// Once it has run out, the right password gets in (and clears the account's counter).
	await new Promise((r) => setTimeout(r, retryAfter * 1000 + 250));
	expect((await postLogin(request, email, THROWAWAY_PASSWORD)).status()).toBe(303);
	await request.dispose();
});

test('10 concurrent wrong passwords: at most 5 are even checked, the rest get 429', async () => {
	const { email } = fixtures().throwaways.bruteConcurrent;
	const clients = await Promise.all(Array.from({ length: 10 }, () => anonymous()));
	const answers = await Promise.all(
		clients.map((c, i) => postLogin(c, email, `parallel-guess-${i}`))
	);
	const statuses = answers.map((a) => a.status());
	for (const status of statuses) expect([400, 429]).toContain(status);
	expect(
		statuses.filter((s) => s !== 429).length,
		`answers: ${statuses.join(', ')}`
	).toBeLessThanOrEqual(5);
	for (const answer of answers.filter((a) => a.status() === 429))
		expect(Number(answer.headers()['retry-after'])).toBeGreaterThan(0);
	await Promise.all(clients.map((c) => c.dispose()));
});

test('an unknown address gets the very answer a wrong password gets', async () => {
	const request = await anonymous();
	const strip = (html: string, email: string) =>
		html.replaceAll(email, '<email>').replace(/nonce="[^"]+"/g, '');
	const ghostEmail = `ghost-${Date.now()}@nobody.test`;
	const knownEmail = fixtures().throwaways.bruteSequential.email;
	const ghost = await postLogin(request, ghostEmail, 'wrong-guess');
	const known = await postLogin(request, knownEmail, 'wrong-guess');
	expect(ghost.status()).toBe(known.status());
	expect(strip(await ghost.text(), ghostEmail)).toBe(strip(await known.text(), knownEmail));
	await request.dispose();
});
