import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../src/lib/server/auth/account';
import { createComponent } from '../../src/lib/server/components/service';
import type { RequestContext } from '../../src/lib/server/context';
import { getDb } from '../../src/lib/server/db';
import {
	auditLog,
	backup,
	contract,
	event,
	outboxMail,
	restoreRequest,
	signingKey
} from '../../src/lib/server/db/schema';
import { ServiceError } from '../../src/lib/server/errors';
import { requestRestore } from '../../src/lib/server/restores/filing';
import { refreshRestoreDeadlines } from '../../src/lib/server/restores/jobs';
import { createToken } from '../../src/lib/server/tokens/service';
import { seedRestores } from '../../src/lib/server/demo/restores';
import {
	getRestore,
	lastRestoreTest,
	listRestoreQueue,
	listRestores
} from '../../src/lib/server/restores/read';
import {
	acceptRestore,
	approveRestoreQuote,
	cancelRestore,
	completeRestore,
	failRestore,
	quoteRestore,
	refuseRestoreQuote,
	reportRestoreProgress,
	scheduleRestore
} from '../../src/lib/server/restores/workflow';
import { generateSigningKey } from '../../src/lib/server/backups/signing';
import { createMember, createStaff, createTenant, statusOf, unique } from './factories';
import { openSocket, startNode, until, type TestSocket } from './live-node';

const HOUR = 3_600_000;
async function adminToken(staff: RequestContext): Promise<RequestContext> {
	const token = await createToken(staff, { name: unique('token'), scope: 'admin' });
	return { actor: { kind: 'token', tokenId: token.id, scope: 'admin' }, ip: null };
}

let keyId: string | undefined;
/** A stored backup of a machine, as ingestion leaves it (manifest left out: restores do not read it). */
async function insertBackup(
	clientId: string,
	componentId: string,
	over: Partial<typeof backup.$inferInsert> = {}
) {
	if (!keyId) {
		keyId = unique('key').slice(0, 16);
		// A real key: report verification (backups tests, same database) reads every stored key.
		const { pair } = generateSigningKey();
		await getDb().insert(signingKey).values({ id: keyId, publicKeyPem: pair.publicKeyPem });
	}
	const startedAt = over.startedAt ?? new Date(Date.now() - 2 * HOUR);
	const [row] = await getDb()
		.insert(backup)
		.values({
			clientId,
			componentId,
			externalId: unique('run'),
			kind: 'incremental',
			startedAt,
			finishedAt: new Date(startedAt.getTime() + 600_000),
			status: 'succeeded',
			sizeBytes: 1000,
			fileCount: 1,
			totalBytes: 1000,
			reportSha256: 'x'.repeat(64),
			authenticationKey: 'k',
			signingKeyId: keyId,
			...over
		})
		.returning();
	return row;
}

async function tenant(preset: string) {
	const staff = await createStaff();
	const t = await createTenant(staff, preset);
	const server = await createComponent(staff, t.slug, {
		key: 'srv-1',
		name: 'Srv 1',
		kind: 'server'
	});
	const contact = await createMember(t.id, t.slug, 'contact');
	const admin = await createMember(t.id, t.slug, 'admin');
	const viewer = await createMember(t.id, t.slug, 'viewer');
	const point = await insertBackup(t.id, server.id);
	return { staff, t, server, contact, admin, viewer, point };
}

const ask = (backupId: string, over: Record<string, unknown> = {}) => ({
	backupId,
	scope: 'folder',
	target: '/var/www/site',
	confirmDataLoss: true,
	...over
});

async function fieldsOf(run: () => Promise<unknown>) {
	try {
		await run();
	} catch (e) {
		if (e instanceof ServiceError && e.status === 422)
			return (e.details as { fields: Record<string, string> }).fields;
		throw e;
	}
	throw new Error('expected a 422');
}

describe('requesting a restore (002 art. 7.3, 001 §4.5, 000 §1.8)', () => {
	it('files an authorized contact’s request with the contract’s 24 h deadline and a stopped server, tells staff and the client', async () => {
		const { t, contact, point } = await tenant('softconcept');
		const now = new Date();
		const filed = await requestRestore(contact, t.slug, ask(point.id), now);
		expect(filed.number).toMatch(/^RST-\d{4}-\d{5}$/);
		expect(filed).toMatchObject({
			status: 'filed',
			stopsServer: true,
			billable: false,
			needsQuote: false,
			deadlineBasis: 'incremental'
		});
		expect(filed.dueBy).toEqual(new Date(now.getTime() + 24 * HOUR));
		const mails = await getDb()
			.select()
			.from(outboxMail)
			.where(eq(outboxMail.subject, `[${filed.number}] Demande de restauration enregistrée`));
		expect(mails.map((m) => m.to)).toEqual(expect.arrayContaining([contact.email]));
		expect(mails.length).toBeGreaterThan(2);
		const [audit] = await getDb()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.targetId, filed.id), eq(auditLog.action, 'restore.filed')));
		expect(audit).toBeDefined();
		const events = await getDb().select().from(event).where(eq(event.kind, 'restore.filed'));
		expect(events.some((e) => (e.payload as { number: string }).number === filed.number)).toBe(
			true
		);
	});

	it('takes a full restore within 72 h, and an admin token’s request on the client’s behalf', async () => {
		const { t, server, staff } = await tenant('softconcept');
		const full = await insertBackup(t.id, server.id, { kind: 'full' });
		const filed = await requestRestore(
			await adminToken(staff),
			t.slug,
			ask(full.id, { scope: 'server' })
		);
		expect(filed.withinHours).toBe(72);
		expect(filed.requestedByUserId).toBeNull();
	});

	it('refuses viewers (403), staff (403), a missing confirmation (422), storing nothing', async () => {
		const { t, viewer, staff, contact, point } = await tenant('softconcept');
		expect(await statusOf(() => requestRestore(viewer, t.slug, ask(point.id)))).toBe(403);
		expect(await statusOf(() => requestRestore(staff, t.slug, ask(point.id)))).toBe(403);
		for (const confirmDataLoss of [false, 'yes', undefined])
			expect(
				await fieldsOf(() => requestRestore(contact, t.slug, ask(point.id, { confirmDataLoss })))
			).toHaveProperty('confirmDataLoss');
		expect(
			await fieldsOf(() =>
				requestRestore(contact, t.slug, ask(point.id, { scope: 'disk', target: '' }))
			)
		).toEqual(expect.objectContaining({ scope: expect.any(String), target: expect.any(String) }));
		expect(
			await getDb().select().from(restoreRequest).where(eq(restoreRequest.clientId, t.id))
		).toHaveLength(0);
	});

	it('refuses another client’s backup exactly as an unknown one, and says why a point is not restorable', async () => {
		const mine = await tenant('softconcept');
		const theirs = await tenant('softconcept');
		const unknown = await fieldsOf(() =>
			requestRestore(mine.contact, mine.t.slug, ask(crypto.randomUUID()))
		);
		const other = await fieldsOf(() =>
			requestRestore(mine.contact, mine.t.slug, ask(theirs.point.id))
		);
		expect(other).toEqual(unknown);
		const failed = await insertBackup(mine.t.id, mine.server.id, { status: 'failed' });
		expect(
			(await fieldsOf(() => requestRestore(mine.contact, mine.t.slug, ask(failed.id)))).backupId
		).toMatch(/n'a pas réussi|did not succeed/);
		const old = await insertBackup(mine.t.id, mine.server.id, {
			startedAt: new Date(Date.now() - 40 * 24 * HOUR)
		});
		expect(
			(await fieldsOf(() => requestRestore(mine.contact, mine.t.slug, ask(old.id)))).backupId
		).toMatch(/35/);
		for (let i = 0; i < 5; i++)
			await insertBackup(mine.t.id, mine.server.id, {
				startedAt: new Date(Date.now() - HOUR * (1 + i / 10))
			});
		// Five newer incrementals: the first point is the sixth version now (000 §1.8 "les cinq dernières").
		expect(
			(await fieldsOf(() => requestRestore(mine.contact, mine.t.slug, ask(mine.point.id)))).backupId
		).toMatch(/5/);
	});

	it('answers 404 for another client’s request, to members and through the other slug', async () => {
		const mine = await tenant('softconcept');
		const theirs = await tenant('softconcept');
		const filed = await requestRestore(theirs.contact, theirs.t.slug, ask(theirs.point.id));
		expect(await statusOf(() => getRestore(mine.contact, theirs.t.slug, filed.number))).toBe(404);
		expect(await statusOf(() => getRestore(mine.contact, mine.t.slug, filed.number))).toBe(404);
		expect(await statusOf(() => listRestores(mine.contact, theirs.t.slug, {}))).toBe(404);
		expect(await statusOf(() => cancelRestore(mine.contact, theirs.t.slug, filed.number))).toBe(
			404
		);
		expect(await statusOf(() => cancelRestore(mine.contact, mine.t.slug, filed.number))).toBe(404);
		expect(await statusOf(() => listRestoreQueue(mine.contact, {}))).toBe(404);
		expect((await getRestore(theirs.viewer, theirs.t.slug, filed.number)).status).toBe('filed');
	});
});

describe('working a restore', () => {
	it('goes accepted → scheduled → in progress → completed within the deadline (000 §1.8)', async () => {
		const { t, staff, contact, point } = await tenant('softconcept');
		const filed = await requestRestore(contact, t.slug, ask(point.id));
		expect(
			await statusOf(() =>
				quoteRestore(staff, t.slug, filed.number, { amountCents: 100, note: 'x' })
			)
		).toBe(409);
		await acceptRestore(staff, t.slug, filed.number);
		const at = new Date(Date.now() + HOUR).toISOString();
		expect((await scheduleRestore(staff, t.slug, filed.number, { at })).scheduledAt).toEqual(
			new Date(at)
		);
		expect((await reportRestoreProgress(staff, t.slug, filed.number, { percent: 40 })).status).toBe(
			'in_progress'
		);
		expect(await statusOf(() => cancelRestore(contact, t.slug, filed.number))).toBe(409);
		await completeRestore(staff, t.slug, filed.number, {
			verification: 'Site vérifié avec le client.'
		});
		const done = await getRestore(contact, t.slug, filed.number);
		expect(done).toMatchObject({ status: 'completed', percent: 100, deadlineState: 'met' });
		expect(done.updates.map((u) => u.kind)).toEqual([
			'filed',
			'accept',
			'schedule',
			'progress',
			'complete'
		]);
		expect(
			await statusOf(() => completeRestore(staff, t.slug, filed.number, { verification: 'x' }))
		).toBe(409);
		expect(await statusOf(() => failRestore(staff, t.slug, filed.number, { reason: 'x' }))).toBe(
			409
		);
		const scheduled = await getDb()
			.select()
			.from(outboxMail)
			.where(
				and(
					eq(outboxMail.to, contact.email),
					eq(outboxMail.subject, `[${filed.number}] Restauration planifiée`)
				)
			);
		expect(scheduled[0].text).toMatch(/serveur sera arrêté/);
	});

	it('quotes a heavy billed restore; the client’s approval starts it, a refusal ends it (001 §4.5, 003 art. 5)', async () => {
		const { t, staff, contact, viewer, point } = await tenant('alteo');
		const filed = await requestRestore(
			contact,
			t.slug,
			ask(point.id, { scope: 'database', target: 'ventes' })
		);
		expect(filed).toMatchObject({ billable: true, needsQuote: true, dueBy: null });
		expect(await statusOf(() => acceptRestore(staff, t.slug, filed.number))).toBe(409);
		expect(
			await statusOf(() =>
				quoteRestore(staff, t.slug, filed.number, { amountCents: -1, note: 'x' })
			)
		).toBe(422);
		await quoteRestore(staff, t.slug, filed.number, {
			amountCents: 45_000,
			note: 'Restauration de la base.'
		});
		expect(await statusOf(() => approveRestoreQuote(viewer, t.slug, filed.number, {}))).toBe(403);
		expect(await statusOf(() => approveRestoreQuote(staff, t.slug, filed.number, {}))).toBe(403);
		const approved = await approveRestoreQuote(contact, t.slug, filed.number, { comment: 'OK' });
		expect(approved).toMatchObject({ status: 'quote_approved', quoteAmountCents: 45_000 });
		expect(approved.quoteDecidedAt).not.toBeNull();
		await failRestore(staff, t.slug, filed.number, { reason: 'Sauvegarde illisible.' });
		expect((await getRestore(contact, t.slug, filed.number)).failureReason).toBe(
			'Sauvegarde illisible.'
		);

		const second = await requestRestore(
			contact,
			t.slug,
			ask(point.id, { scope: 'server', target: 'srv-1' })
		);
		await quoteRestore(staff, t.slug, second.number, {
			amountCents: 90_000,
			note: 'Serveur entier.'
		});
		expect((await refuseRestoreQuote(contact, t.slug, second.number, {})).status).toBe(
			'quote_refused'
		);
		expect(await statusOf(() => cancelRestore(contact, t.slug, second.number))).toBe(409);
	});

	it('starts the deadline at the quote’s approval where a quote is needed', async () => {
		const { t, staff, contact, point } = await tenant('softconcept');
		// softconcept does not bill; a contract that bills heavy restores on a quote, with 000's deadlines:
		const overrides = { restores: { billable: 'heavy', quoteRequired: 'heavy' } };
		await getDb().update(contract).set({ overrides }).where(eq(contract.clientId, t.id));
		const filed = await requestRestore(contact, t.slug, ask(point.id));
		expect(filed).toMatchObject({ needsQuote: true, dueBy: null, withinHours: 24 });
		await quoteRestore(staff, t.slug, filed.number, { amountCents: 1000, note: 'Dossier.' });
		const approvedAt = new Date();
		const approved = await approveRestoreQuote(contact, t.slug, filed.number, {}, approvedAt);
		expect(approved.dueBy).toEqual(new Date(approvedAt.getTime() + 24 * HOUR));
	});
});

describe('the demo’s restore story (demo/restores.ts)', () => {
	it('plays a completed request and one under way through the services, and records restore tests', async () => {
		for (const preset of ['softconcept', 'alteo']) {
			const { t, server, staff, contact } = await tenant(preset);
			for (const days of [6, 2])
				await insertBackup(t.id, server.id, {
					kind: 'data_full',
					startedAt: new Date(Date.now() - days * 24 * HOUR)
				});
			await seedRestores(staff, [{ slug: t.slug, contact }], new Date());
			const { items } = await listRestores(contact, t.slug, {});
			expect(items.map((i) => i.status).sort(), preset).toEqual(['completed', 'in_progress']);
			expect(items.find((i) => i.status === 'in_progress')?.percent).toBe(40);
			expect((await lastRestoreTest(contact, t.slug))?.result).toBe('succeeded');
		}
	});
});

describe('restore deadlines and live events', () => {
	let node: Awaited<ReturnType<typeof startNode>>;
	const sockets: TestSocket[] = [];
	beforeAll(async () => (node = await startNode()));
	afterAll(async () => {
		sockets.forEach((s) => s.socket.close());
		await node.stop();
	});
	const socketOf = async (who: { email: string; password: string }) => {
		const { token } = await signIn({ email: who.email, password: who.password }, null);
		const s = await openSocket(node.url, token);
		sockets.push(s);
		return s;
	};

	it('pushes restore.filed and restore.updated to the client and staff only, and a deadline turning at risk once', async () => {
		const mine = await tenant('softconcept');
		const theirs = await tenant('softconcept');
		const mySocket = await socketOf(mine.viewer);
		const theirSocket = await socketOf(theirs.viewer);
		const filedAt = new Date(Date.now() - 20 * HOUR);
		const filed = await requestRestore(
			theirs.contact,
			theirs.t.slug,
			ask(theirs.point.id),
			filedAt
		);
		await acceptRestore(theirs.staff, theirs.t.slug, filed.number, {}, filedAt);
		expect(await refreshRestoreDeadlines()).toBeGreaterThanOrEqual(1);
		const [row] = await getDb()
			.select()
			.from(restoreRequest)
			.where(eq(restoreRequest.id, filed.id));
		expect(row.deadlineState).toBe('at_risk');
		await refreshRestoreDeadlines();
		await until(() => theirSocket.events.filter((e) => e.kind === 'restore.updated').length >= 2);
		const kinds = theirSocket.events.map((e) => e.kind);
		expect(kinds.filter((k) => k === 'restore.filed')).toHaveLength(1);
		expect(kinds.filter((k) => k === 'restore.updated')).toHaveLength(2);
		expect(theirSocket.events[0].payload).toEqual({
			clientSlug: theirs.t.slug,
			number: filed.number,
			status: 'filed'
		});
		expect(mySocket.events.filter((e) => e.kind.startsWith('restore.'))).toHaveLength(0);
	});
});
