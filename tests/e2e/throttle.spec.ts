import { expect, test } from '@playwright/test';

test('a dictionary attack on one account is refused with 429 + Retry-After before its 20th try', async ({
	request,
	baseURL
}) => {
	let refusedAt = 0;
	for (let attempt = 1; attempt <= 20 && !refusedAt; attempt++) {
		const response = await request.post('/login', {
			form: { email: 'admin@initech.test', password: `guess-${attempt}` },
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});
		if (response.status() === 429) {
			refusedAt = attempt;
			expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
		} else {
			expect(response.status()).toBe(400);
		}
	}
	expect(refusedAt).toBeGreaterThan(0);
	expect(refusedAt).toBeLessThan(20);
});
