import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

const PASSWORD = 'e2e-account-password';
const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

/** Staff invites a fresh person to a client; the invitation link from the outbox sets their password. */
async function freshMember(
	staff: Page,
	visitor: Page,
	baseURL: string,
	client = 'acme',
	role = 'viewer'
) {
	const email = `account-${stamp()}@${client}.test`;
	const invited = await staff.request.post(`/staff/clients/${client}?/invite`, {
		form: { email, name: 'Account E2E', role },
		headers: { origin: baseURL, accept: 'text/html' }
	});
	expect(invited.status()).toBe(200);
	const outbox = await (await staff.request.get('/staff/outbox')).text();
	const mail = outbox.split('data-testid="outbox-mail"').find((c) => c.includes(email));
	const link = /https?:\/\/[^\s<"]+\/invite\/[a-z0-9]+/.exec(mail ?? '')?.[0];
	expect(link, 'invitation link').toBeTruthy();
	await visitor.goto(new URL(link!).pathname);
	await visitor.getByLabel(/nouveau mot de passe|new password/i).fill(PASSWORD);
	await visitor.getByLabel(/confirmer|confirm/i).fill(PASSWORD);
	await visitor.getByRole('button').filter({ hasText: /.+/ }).last().click();
	return email;
}

const totp = (secret: string, step: number) =>
	generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), 6);
const stepNow = () => Math.floor(Date.now() / 30_000);

test('a user turns on TOTP two-factor sign-in, then signs in with a code computed from the key', async ({
	browser,
	baseURL
}) => {
	const staff = await browser.newPage();
	await signIn(staff, 'staff@demo.test');
	const page = await browser.newPage();
	const email = await freshMember(staff, page, baseURL!);
	await expect(page).toHaveURL(/\/app\/acme/);

	await page.goto('/account');
	await page.getByRole('button', { name: /activer la double|turn on two-factor/i }).click();
	const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
	await expect(page.getByRole('img', { name: /qr code/i })).toBeVisible();
	const step = stepNow();
	await page.getByLabel(/^code$/i).fill(totp(secret, step));
	await page.getByRole('button', { name: /^confirmer$|^confirm$/i }).click();
	await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);

	await page.context().clearCookies();
	await page.goto('/login');
	await page.getByLabel(/adresse e-mail|e-mail address/i).fill(email);
	await page.getByLabel(/^mot de passe$|^password$/i).fill(PASSWORD);
	await page.getByRole('button', { name: /se connecter|sign in/i }).click();
	await expect(page).toHaveURL(/\/login\/two-factor/);
	// The enrolment's code cannot be used again: the next step's code is within the ±1 window.
	await page.getByLabel(/^code$/i).fill(totp(secret, step));
	await page.getByRole('button', { name: /vérifier|verify/i }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await page.getByLabel(/^code$/i).fill(totp(secret, Math.max(step + 1, stepNow())));
	await page.getByRole('button', { name: /vérifier|verify/i }).click();
	await expect(page).toHaveURL(/\/app\/acme/);
	await page.goto('/account');
	await expect(
		page.getByText(/codes de secours restants : 10|recovery codes left: 10/i)
	).toBeVisible();
});

test("a client's admin changes a person's role; the history records it", async ({
	page,
	baseURL
}) => {
	await signIn(page, 'admin@acme.test');
	const email = `role-${stamp()}@acme.test`;
	const name = `Role Change ${stamp()}`;
	await page.goto('/app/acme/people');
	await page.locator('#invite-name').fill(name);
	await page.locator('#invite-email').fill(email);
	await page.locator('#invite-role').selectOption('viewer');
	await page.getByRole('button', { name: /^inviter$|^invite$/i }).click();
	const row = page.getByRole('row').filter({ hasText: email });
	await expect(row).toBeVisible();
	await row.getByRole('combobox').selectOption('contact');
	await row.getByRole('button', { name: /enregistrer|save/i }).click();
	await expect(page.getByRole('status').filter({ hasText: /rôle|role/i })).toBeVisible();

	await page.getByTestId('people-history-link').click();
	await expect(page).toHaveURL(/\/app\/acme\/people\/history$/);
	const periods = page.getByTestId('people-history').getByRole('row').filter({ hasText: email });
	await expect(periods).toHaveCount(2);
	const csv = await page.request.get('/app/acme/people/history.csv');
	expect(csv.status()).toBe(200);
	expect(await csv.text()).toContain(email);

	await page.goto('/app/acme/people');
	await page
		.getByRole('row')
		.filter({ hasText: email })
		.getByRole('button', { name: /retirer l'invitation|withdraw/i })
		.click();
	await expect(page.getByRole('row').filter({ hasText: email })).toHaveCount(0);
	expect(baseURL).toBeTruthy();
});

test("a client's admin required to use two-factor sign-in is sent to enrol first", async ({
	browser,
	baseURL
}) => {
	const slug = `e2e2fa${Date.now().toString(36)}`;
	const created = await browser.newContext().then((c) =>
		c.request.post('/api/v1/clients', {
			headers: { authorization: 'Bearer demo-admin-token' },
			data: { slug, name: `2FA ${slug}`, contract: { preset: 'alteo' } }
		})
	);
	expect(created.status()).toBe(201);
	const staff = await browser.newPage();
	await signIn(staff, 'staff@demo.test');
	await staff.goto(`/staff/clients/${slug}`);
	await staff
		.getByLabel(
			/exiger la double authentification des administrateurs|require two-factor sign-in of this client/i
		)
		.check();
	await staff
		.getByRole('region', {
			name: /double authentification des administrateurs|two-factor sign-in of admins/i
		})
		.getByRole('button')
		.click();
	await expect(staff.getByRole('status').filter({ hasText: /enregistr|saved/i })).toBeVisible();

	const page = await browser.newPage();
	await freshMember(staff, page, baseURL!, slug, 'admin');
	await expect(page).toHaveURL(/\/account$/);
	await expect(page.getByText(/exigée pour votre compte|required for your account/i)).toBeVisible();
	const home = await page.request.get(`/app/${slug}`, { maxRedirects: 0 });
	expect(home.status()).toBe(303);
	expect(home.headers()['location']).toBe('/account');
	await page.getByRole('button', { name: /activer la double|turn on two-factor/i }).click();
	const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
	await page.getByLabel(/^code$/i).fill(totp(secret, stepNow()));
	await page.getByRole('button', { name: /^confirmer$|^confirm$/i }).click();
	await expect(page.getByTestId('recovery-codes')).toBeVisible();
	await page.goto(`/app/${slug}`);
	await expect(page).toHaveURL(new RegExp(`/app/${slug}$`));
});
