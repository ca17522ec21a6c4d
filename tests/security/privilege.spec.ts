import { expect, test } from '@playwright/test';
import {
	ADMIN_TOKEN,
	B,
	C,
	INGEST_TOKEN,
	THROWAWAY_PASSWORD,
	anonymous,
	fixtures,
	latestMailTo,
	linkIn,
	sessionCookieFrom,
	signedIn,
	withCookie
} from './helpers';

/**
 * Privilege escalation: each role tries the next role's actions (README "Roles"), each token
 * scope the next scope's, and every body carries fields that would grant more (role, clientId,
 * staffRole, status, number…): they are ignored or refused, never applied. Also the invitation
 * oracle: inviting an address attached elsewhere answers exactly like a free one.
 */

const html = { accept: 'text/html' };
const asJson = { accept: 'application/json', 'x-sveltekit-action': 'true' };
const RANDOM_UUID = '00000000-0000-4000-8000-000000000000';

test('a viewer cannot file a report, through the API or the form', async () => {
	const viewer = await signedIn('viewer@globex.test');
	const title = `Viewer filing ${Date.now()}`;
	const api = await viewer.post(`/api/v1/clients/${B}/incidents`, {
		data: { severity: 'minor', title, description: 'Refused.' }
	});
	expect(api.status()).toBe(403);
	const form = await viewer.post(`/app/${B}/incidents/new`, {
		form: { severity: 'minor', title, description: 'Refused.' },
		headers: html
	});
	expect(form.status()).toBe(403);
	const list = await (await viewer.get(`/api/v1/clients/${B}/incidents`)).json();
	expect(JSON.stringify(list)).not.toContain(title);
	await viewer.dispose();
});

test('a contact cannot manage people, not even their own role', async () => {
	const contact = await signedIn('contact@globex.test');
	const members = await (await contact.get(`/app/${B}/people`)).text();
	expect(members).toContain('contact@globex.test');
	for (const [action, form] of [
		['invite', { email: `escalate-${Date.now()}@${B}.test`, name: 'Escalated', role: 'admin' }],
		['role', { userId: RANDOM_UUID, role: 'admin' }],
		['remove', { userId: RANDOM_UUID }]
	] as const) {
		const response = await contact.post(`/app/${B}/people?/${action}`, { form, headers: html });
		expect(response.status(), action).toBe(403);
	}
	const viewer = await signedIn('viewer@globex.test');
	expect(
		(
			await viewer.post(`/app/${B}/people?/invite`, {
				form: { email: 'v@x.test', name: 'V', role: 'admin' },
				headers: html
			})
		).status()
	).toBe(403);
	await Promise.all([contact.dispose(), viewer.dispose()]);
});

test('a staff operator cannot reach tokens, the outbox, staff invitations or client creation', async () => {
	const operator = await signedIn('operator@demo.test');
	for (const path of ['/staff/tokens', '/staff/outbox']) {
		const response = await operator.get(path);
		expect([403, 404], path).toContain(response.status());
	}
	for (const [path, form] of [
		['/staff/tokens?/create', { name: 'Operator token', scope: 'admin' }],
		['/staff/team?/invite', { email: `op-${Date.now()}@demo.test`, name: 'Op', role: 'admin' }],
		[
			'/staff/clients/new',
			{ slug: `op-${Date.now().toString(36)}`, name: 'Op client', preset: 'alteo' }
		],
		[`/staff/clients/${C}?/contract`, { preset: 'axantis', monthlyFee: '1', overrides: '' }]
	] as const) {
		const response = await operator.post(path, { form, headers: html });
		expect([403, 404], path).toContain(response.status());
	}
	await operator.dispose();
});

test('a read token cannot write; an ingest token can only push samples', async () => {
	const api = await anonymous();
	const read = { authorization: `Bearer ${fixtures().readToken}` };
	expect((await api.get(`/api/v1/clients/${B}`, { headers: read })).status()).toBe(200);
	const writes: [method: 'post' | 'patch', path: string, data: unknown][] = [
		[
			'post',
			'/api/v1/clients',
			{ slug: 'read-token', name: 'Read', contract: { preset: 'alteo' } }
		],
		[
			'post',
			`/api/v1/clients/${B}/components`,
			{ key: 'read-token', name: 'Read', kind: 'server' }
		],
		['patch', `/api/v1/clients/${B}/components/erp-1`, { name: 'Renamed by a read token' }],
		[
			'post',
			`/api/v1/clients/${B}/incidents`,
			{ severity: 'minor', title: 'Read token', description: 'x' }
		],
		[
			'post',
			'/api/v1/samples',
			{ samples: [{ client: B, component: 'erp-1', at: new Date().toISOString(), status: 'down' }] }
		]
	];
	for (const [method, path, data] of writes) {
		const response = await api[method](path, { headers: read, data });
		expect(response.status(), `read token ${method} ${path}`).toBe(403);
	}
	for (const path of [
		'/api/v1/clients',
		`/api/v1/clients/${B}`,
		`/api/v1/clients/${B}/incidents`,
		`/api/v1/clients/${B}/sla`
	]) {
		expect(
			(await api.get(path, { headers: INGEST_TOKEN })).status(),
			`ingest token GET ${path}`
		).toBe(403);
	}
	for (const [method, path, data] of writes.slice(0, 4)) {
		expect(
			(await api[method](path, { headers: INGEST_TOKEN, data })).status(),
			`ingest token ${method} ${path}`
		).toBe(403);
	}
	// A token is never a session: it does not open pages.
	const page = await api.get(`/app/${B}`, { headers: ADMIN_TOKEN, maxRedirects: 0 });
	expect(page.status()).toBe(303);
	await api.dispose();
});

test('mass assignment: extra fields in API bodies are ignored or refused', async () => {
	const api = await anonymous();
	const globexBefore = (
		await (await api.get(`/api/v1/clients/${B}/incidents`, { headers: ADMIN_TOKEN })).json()
	).total;
	const filed = await api.post(`/api/v1/clients/${C}/incidents`, {
		headers: ADMIN_TOKEN,
		data: {
			severity: 'minor',
			title: 'Mass assignment probe',
			description: 'Extra fields must not stick.',
			status: 'closed',
			number: 'INC-1999-00001',
			clientId: RANDOM_UUID,
			clientSlug: B,
			client: B,
			source: 'monitoring',
			reporterId: RANDOM_UUID,
			createdAt: '2001-01-01T00:00:00Z',
			acknowledgedAt: '2001-01-01T00:00:00Z',
			role: 'admin',
			staffRole: 'admin'
		}
	});
	expect([201, 422]).toContain(filed.status());
	if (filed.status() === 201) {
		const body = await filed.json();
		expect(body.number).not.toBe('INC-1999-00001');
		expect(body.status).toBe('open');
		const read = await (
			await api.get(`/api/v1/clients/${C}/incidents/${body.number}`, { headers: ADMIN_TOKEN })
		).json();
		expect(read.status).toBe('open');
		expect(read.source ?? 'api').not.toBe('monitoring');
		expect(
			(
				await api.get(`/api/v1/clients/${B}/incidents/${body.number}`, { headers: ADMIN_TOKEN })
			).status()
		).toBe(404);
	}
	expect(
		(await (await api.get(`/api/v1/clients/${B}/incidents`, { headers: ADMIN_TOKEN })).json()).total
	).toBe(globexBefore);

	const before = (
		await (await api.get(`/api/v1/clients/${C}/components`, { headers: ADMIN_TOKEN })).json()
	).components as { key: string; name: string }[];
	const target = before.find((c) => c.key === 'srv-1')!;
	const patched = await api.patch(`/api/v1/clients/${C}/components/srv-1`, {
		headers: ADMIN_TOKEN,
		data: {
			name: target.name,
			clientId: RANDOM_UUID,
			client: B,
			clientSlug: B,
			key: 'hijacked',
			id: RANDOM_UUID
		}
	});
	expect([200, 422]).toContain(patched.status());
	const after = (
		await (await api.get(`/api/v1/clients/${C}/components`, { headers: ADMIN_TOKEN })).json()
	).components as { key: string }[];
	expect(after.map((c) => c.key)).toContain('srv-1');
	const theirs = (
		await (await api.get(`/api/v1/clients/${B}/components`, { headers: ADMIN_TOKEN })).json()
	).components as { key: string }[];
	expect(theirs.map((c) => c.key)).not.toContain('srv-1');
	expect(theirs.map((c) => c.key)).not.toContain('hijacked');

	const token = await signedIn('staff@demo.test');
	for (const scope of ['superadmin', 'staff', 'admin ']) {
		const response = await token.post('/staff/tokens?/create', {
			form: { name: 'Bad scope', scope },
			headers: html
		});
		expect([400, 422], scope).toContain(response.status());
	}
	await Promise.all([api.dispose(), token.dispose()]);
});

test('mass assignment: an invitation or a preference form cannot grant staff rights or another client', async () => {
	const admin = await signedIn('admin@initech.test');
	const staff = await signedIn('staff@demo.test');
	const email = `sec-mass-${Date.now().toString(36)}@${C}.test`;
	const invited = await admin.post(`/app/${C}/people?/invite`, {
		form: {
			email,
			name: 'Mass',
			role: 'viewer',
			staffRole: 'admin',
			clientId: RANDOM_UUID,
			client: 'acme',
			passwordHash: 'x',
			locale: 'en'
		},
		headers: html
	});
	expect(invited.status()).toBe(200);
	const link = linkIn(await latestMailTo(staff, email), 'invite');
	expect(link).toBeTruthy();
	const visitor = await anonymous();
	const accepted = await visitor.post(link!, {
		form: {
			password: THROWAWAY_PASSWORD,
			confirm: THROWAWAY_PASSWORD,
			staffRole: 'admin',
			role: 'admin'
		},
		headers: html,
		maxRedirects: 0
	});
	expect(accepted.status()).toBe(303);
	expect(accepted.headers()['location']).toBe(`/app/${C}`);
	const invitee = await withCookie(sessionCookieFrom(accepted)!);
	expect((await invitee.get('/staff')).status()).toBe(404);
	expect((await invitee.get('/app/acme')).status()).toBe(404);
	expect(
		(
			await invitee.post(`/api/v1/clients/${C}/incidents`, {
				data: { severity: 'minor', title: 'Viewer', description: 'x' }
			})
		).status()
	).toBe(403);

	// The preferences form of a member, stuffed with rights.
	const viewer = await signedIn('viewer@globex.test');
	const prefs = await viewer.post('/account?/preferences', {
		form: { staffRole: 'admin', role: 'admin', clientId: RANDOM_UUID, membership: 'admin' },
		headers: html
	});
	expect(prefs.status()).toBeLessThan(500);
	expect((await viewer.get('/staff')).status()).toBe(404);
	expect(
		(
			await viewer.post(`/api/v1/clients/${B}/incidents`, {
				data: { severity: 'minor', title: 'Still viewer', description: 'x' }
			})
		).status()
	).toBe(403);
	await Promise.all([
		admin.dispose(),
		staff.dispose(),
		visitor.dispose(),
		invitee.dispose(),
		viewer.dispose()
	]);
});

test('the invitation oracle: an address attached elsewhere answers exactly like a free one, and gets no link', async () => {
	const admin = await signedIn('admin@initech.test');
	const staff = await signedIn('staff@demo.test');
	const mailsTo = async (to: string) =>
		(await (await staff.get('/staff/outbox')).text()).split(`<strong>${to}</strong>`).length - 1;
	const invite = (email: string) =>
		admin.post(`/app/${C}/people?/invite`, {
			form: { email, name: 'Probe', role: 'viewer' },
			headers: asJson
		});
	const free = `sec-oracle-${Date.now().toString(36)}@${C}.test`;
	const attached = ['viewer@globex.test', 'operator@demo.test'];
	const freeAnswer = await invite(free);
	const freeText = (await freeAnswer.text()).replaceAll(free, '<email>');
	for (const email of attached) {
		const answer = await invite(email);
		expect(answer.status(), email).toBe(freeAnswer.status());
		expect((await answer.text()).replaceAll(email, '<email>'), email).toBe(freeText);
	}
	// The person is told the invitation cannot be accepted; no link to join reaches them. The
	// outbox also holds the jobs' mails to staff, so the latest mail is read rather than counted.
	for (const email of attached) {
		const latest = await latestMailTo(staff, email);
		expect(latest, email).toMatch(/ne peut donc pas être acceptée|cannot be accepted/);
		expect(linkIn(latest, 'invite')).toBeNull();
	}
	expect(await mailsTo(free)).toBe(1);
	await Promise.all([admin.dispose(), staff.dispose()]);
});
