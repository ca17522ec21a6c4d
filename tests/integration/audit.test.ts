import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allAuditCsvRows, readAllAudit, readClientAudit } from '../../src/lib/server/audit/read';
import { updateClient } from '../../src/lib/server/clients/service';
import type { RequestContext } from '../../src/lib/server/context';
import { closeDb, getDb } from '../../src/lib/server/db';
import { auditLog } from '../../src/lib/server/db/schema';
import { createMember, createStaff, createTenant, statusOf } from './factories';

let staff: RequestContext;
let operator: RequestContext;
let mine: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;

beforeAll(async () => {
	staff = { ...(await createStaff('admin')), userAgent: 'Mozilla/5.0 (X11) Test' };
	operator = await createStaff('operator');
	mine = await createTenant(staff);
	other = await createTenant(staff);
	await updateClient(staff, mine.slug, { name: `${mine.name} renamed` });
});
afterAll(() => closeDb());

describe('audit trail append-only at the database (004 art. 2, 000 §5)', () => {
	it('refuses UPDATE, DELETE and TRUNCATE, whoever asks', async () => {
		const db = getDb();
		const [row] = await db.select().from(auditLog).where(eq(auditLog.clientId, mine.id)).limit(1);
		expect(row).toBeDefined();
		await expect(
			db.update(auditLog).set({ action: 'forged' }).where(eq(auditLog.id, row.id))
		).rejects.toThrow();
		await expect(db.delete(auditLog).where(eq(auditLog.id, row.id))).rejects.toThrow();
		await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
		const error = await db
			.execute(sql`delete from audit_log where id = ${row.id}`)
			.catch(
				(e: { cause?: { message?: string }; message: string }) => e.cause?.message ?? e.message
			);
		expect(String(error)).toContain('append-only');
		const [still] = await db.select().from(auditLog).where(eq(auditLog.id, row.id));
		expect(still).toEqual(row);
	});

	it('keeps no foreign key that a deleted client or person would rewrite', async () => {
		const fks = await getDb().execute(sql`
			select conname from pg_constraint where conrelid = 'audit_log'::regclass and contype = 'f'`);
		expect([...fks]).toEqual([]);
	});
});

describe('audit trail readers', () => {
	it('a client admin reads its own rows in words, with who, where from and before/after', async () => {
		const admin = await createMember(mine.id, mine.slug, 'admin');
		const trail = await readClientAudit(admin, mine.slug, {});
		expect(trail.total).toBeGreaterThanOrEqual(2);
		const rename = trail.entries.find((e) => e.action === 'client.updated')!;
		expect(rename.who).toBe('Staff admin');
		expect(rename.ip).toBe('127.0.0.1');
		expect(rename.userAgent).toBe('Mozilla/5.0 (X11) Test');
		expect(rename.clientName).toBe(`${mine.name} renamed`);
		expect(rename.changes).toContainEqual({
			field: 'name',
			before: mine.name,
			after: `${mine.name} renamed`
		});
		expect(rename.what).toBeTruthy();
		expect(trail.entries.every((e) => e.clientId === mine.id)).toBe(true);
	});

	it('filters by person, kind and period', async () => {
		const admin = await createMember(mine.id, mine.slug, 'admin');
		const byKind = await readClientAudit(admin, mine.slug, { kind: 'client.updated' });
		expect(byKind.entries.map((e) => e.action)).toEqual(['client.updated']);
		const byPerson = await readClientAudit(admin, mine.slug, {
			person: admin.actor.kind === 'member' ? admin.actor.userId : ''
		});
		expect(byPerson.total).toBe(0);
		expect((await readClientAudit(admin, mine.slug, { to: '2001-01-01' })).total).toBe(0);
		const today = new Date().toISOString().slice(0, 10);
		expect((await readClientAudit(admin, mine.slug, { from: today })).total).toBeGreaterThan(0);
		// A bad filter value is dropped, never a 500.
		expect((await readClientAudit(admin, mine.slug, { from: 'nope', page: '1e20' })).page).toBe(1);
	});

	it('contacts and viewers are refused (403); another client is 404 like a missing one', async () => {
		const contact = await createMember(mine.id, mine.slug, 'contact');
		const viewer = await createMember(mine.id, mine.slug, 'viewer');
		const stranger = await createMember(other.id, other.slug, 'admin');
		expect(await statusOf(() => readClientAudit(contact, mine.slug, {}))).toBe(403);
		expect(await statusOf(() => readClientAudit(viewer, mine.slug, {}))).toBe(403);
		expect(await statusOf(() => readClientAudit(stranger, mine.slug, {}))).toBe(404);
		expect(await statusOf(() => readClientAudit(stranger, 'no-such-client', {}))).toBe(404);
		expect(await statusOf(() => readAllAudit(stranger, {}))).toBe(404);
		expect(await statusOf(() => allAuditCsvRows(stranger, {}))).toBe(404);
	});

	it('staff read every trail, filtered by client', async () => {
		const all = await readAllAudit(operator, { client: other.id });
		expect(all.total).toBeGreaterThan(0);
		expect(all.entries.every((e) => e.clientId === other.id)).toBe(true);
		expect(all.clients.map((c) => c.id)).toEqual(expect.arrayContaining([mine.id, other.id]));
		const rows = [];
		for await (const row of await allAuditCsvRows(operator, { client: mine.id })) rows.push(row);
		expect(rows.map((r) => r.action)).toContain('client.updated');
		expect(rows.every((r) => r.clientId === mine.id)).toBe(true);
	});
});
