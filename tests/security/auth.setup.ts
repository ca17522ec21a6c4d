import { expect, test as setup } from '@playwright/test';
import {
	A,
	ACCOUNTS,
	ADMIN_TOKEN,
	B,
	C,
	DEMO_PASSWORD,
	THROWAWAY_PASSWORD,
	THROWAWAYS,
	anonymous,
	ensureStateDir,
	latestMailTo,
	linkIn,
	postLogin,
	sessionCookieFrom,
	signedIn,
	statePath,
	writeFixtures,
	type Fixtures,
	type Throwaway
} from './helpers';

/**
 * Runs once before the attack suite: signs every demo account in once (cookies kept on disk),
 * creates the throwaway accounts the throttle and session specs may burn (staff invitation →
 * outbox link → password chosen), a `read` token, and a report of client A to look for.
 */
setup('sign in, throwaway accounts, a read token and client A data', async () => {
	ensureStateDir();
	for (const email of ACCOUNTS) {
		const request = await anonymous();
		let response = await postLogin(request, email, DEMO_PASSWORD);
		// tests/e2e/throttle.spec.ts may have just put a demo account in a short delay.
		for (let tries = 0; response.status() === 429 && tries < 5; tries++) {
			await new Promise((r) =>
				setTimeout(r, 1000 * Number(response.headers()['retry-after'] ?? 1))
			);
			response = await postLogin(request, email, DEMO_PASSWORD);
		}
		expect(response.status(), email).toBe(303);
		await request.storageState({ path: statePath(email) });
		await request.dispose();
	}

	const admin = await anonymous();
	const title = `Sweep secret ${Date.now().toString(36)}`;
	const filed = await admin.post(`/api/v1/clients/${A}/incidents`, {
		headers: ADMIN_TOKEN,
		data: { severity: 'minor', title, description: `Confidential to ${A} only.` }
	});
	expect(filed.status()).toBe(201);
	const incidentOfA = (await filed.json()).number as string;

	// Names only A's components carry (a name shared with another client would prove nothing).
	const names = async (slug: string) =>
		(await (await admin.get(`/api/v1/clients/${slug}/components`, { headers: ADMIN_TOKEN })).json())
			.components as {
			key: string;
			name: string;
		}[];
	const ofA = await names(A);
	const elsewhere = new Set([...(await names(B)), ...(await names(C))].map((c) => c.name));
	const clientOfA = (
		await (await admin.get(`/api/v1/clients/${A}`, { headers: ADMIN_TOKEN })).json()
	).name as string;
	// A webhook of A (WEBHOOK_ALLOW_PRIVATE=1 on the test server), subscribed before the window below.
	const hook = await admin.post(`/api/v1/clients/${A}/webhooks`, {
		headers: ADMIN_TOKEN,
		data: { url: 'http://127.0.0.1:9/sweep', events: ['maintenance.*'] }
	});
	expect(hook.status()).toBe(201);
	const webhookOfA = (await hook.json()).id as string;
	const start = Date.now() + 30 * 86_400_000;
	const planned = await admin.post(`/api/v1/clients/${A}/maintenance`, {
		headers: ADMIN_TOKEN,
		data: {
			components: [ofA[0].key],
			start: new Date(start).toISOString(),
			end: new Date(start + 3_600_000).toISOString(),
			title: `${title} window`
		}
	});
	expect(planned.status()).toBe(201);
	const maintenanceOfA = (await planned.json()).id as string;
	// The fan-out job turns the window's event into a delivery within a few seconds.
	let deliveryOfA = '';
	await expect
		.poll(
			async () => {
				const log = await admin.get(`/api/v1/clients/${A}/webhooks/${webhookOfA}/deliveries`, {
					headers: ADMIN_TOKEN
				});
				deliveryOfA = ((await log.json()).items[0]?.id as string | undefined) ?? '';
				return deliveryOfA;
			},
			{ timeout: 20_000 }
		)
		.not.toBe('');
	const restores = await admin.get(`/api/v1/clients/${A}/restores`, { headers: ADMIN_TOKEN });
	expect(restores.status()).toBe(200);
	const restoreOfA = (await restores.json()).items[0]?.number as string;
	expect(restoreOfA, `a demo restore request of ${A}`).toBeTruthy();
	const backups = await admin.get(`/api/v1/clients/${A}/backups`, { headers: ADMIN_TOKEN });
	expect(backups.status()).toBe(200);
	const backupOfA = (await backups.json()).backups[0]?.id as string;
	expect(backupOfA, `a demo backup of ${A}`).toBeTruthy();
	const asked = await admin.post(`/api/v1/clients/${A}/exports`, {
		headers: ADMIN_TOKEN,
		data: {}
	});
	expect([201, 409], await asked.text()).toContain(asked.status());
	const exportOfA = (
		asked.status() === 201 ? await asked.json() : (await asked.json()).error.details.running
	).id as string;
	const markersOfA = [title, clientOfA, ...ofA.map((c) => c.name).filter((n) => !elsewhere.has(n))];

	const staff = await signedIn('staff@demo.test');
	const tokenPage = await staff.post('/staff/tokens?/create', {
		form: { name: 'Security suite (read)', scope: 'read' },
		headers: { accept: 'text/html' }
	});
	const readToken = /pt_[a-z2-7]{32}/.exec(await tokenPage.text())?.[0];
	expect(readToken, 'read token secret shown once').toBeTruthy();

	const run = Date.now().toString(36);
	const throwaways = {} as Fixtures['throwaways'];
	for (const name of THROWAWAYS) {
		const email = `sec-${name.toLowerCase()}-${run}@${C}.test`;
		throwaways[name as Throwaway] = { email, cookie: await createThrowaway(staff, email) };
	}
	await staff.dispose();
	await admin.dispose();

	writeFixtures({
		incidentOfA,
		markersOfA,
		componentOfA: ofA[0].key,
		maintenanceOfA,
		webhookOfA,
		deliveryOfA,
		restoreOfA,
		backupOfA,
		exportOfA,
		readToken: readToken!,
		throwaways
	});
});

/** A staff admin invites a viewer of client C; the invitation link sets the password and signs in. */
async function createThrowaway(
	staff: Awaited<ReturnType<typeof signedIn>>,
	email: string
): Promise<string> {
	const invited = await staff.post(`/staff/clients/${C}?/invite`, {
		form: { email, name: 'Security throwaway', role: 'viewer' },
		headers: { accept: 'text/html' }
	});
	expect(invited.status(), `invite ${email}`).toBe(200);
	const link = linkIn(await latestMailTo(staff, email), 'invite');
	expect(link, `invitation mail to ${email}`).toBeTruthy();
	const visitor = await anonymous();
	const accepted = await visitor.post(link!, {
		form: { password: THROWAWAY_PASSWORD, confirm: THROWAWAY_PASSWORD },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(accepted.status(), `accept ${email}`).toBe(303);
	const cookie = sessionCookieFrom(accepted);
	expect(cookie).toBeTruthy();
	await visitor.dispose();
	return cookie!;
}
