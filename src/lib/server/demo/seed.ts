import { count, eq } from 'drizzle-orm';
import { hashSecret } from '../auth/crypto';
import { hashPassword } from '../auth/password';
import { createClient } from '../clients/service';
import { createComponent } from '../components/service';
import type { RequestContext } from '../context';
import { getDb } from '../db';
import { apiToken, client, membership, user, type ComponentKind, type MembershipRole } from '../db/schema';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_TOKENS = { admin: 'demo-admin-token', ingest: 'demo-ingest-token' } as const;

interface DemoClient {
	slug: string;
	name: string;
	preset: 'alteo' | 'axantis' | 'softconcept';
	monthlyFeeCents: number;
	commissionedAt: string;
	components: { key: string; name: string; kind: ComponentKind; public?: boolean }[];
}

const CLIENTS: DemoClient[] = [
	{
		slug: 'acme',
		name: 'Acme Industries',
		preset: 'alteo',
		monthlyFeeCents: 250_000,
		commissionedAt: '2025-03-01T00:00:00+01:00',
		components: [
			{ key: 'web-1', name: 'Serveur web 1', kind: 'server' },
			{ key: 'db-1', name: 'Base PostgreSQL', kind: 'database' },
			{ key: 'extranet', name: 'Extranet clients', kind: 'application' },
			{ key: 'backup', name: 'Sauvegarde quotidienne', kind: 'backup' }
		]
	},
	{
		slug: 'globex',
		name: 'Globex Logistique',
		preset: 'axantis',
		monthlyFeeCents: 480_000,
		commissionedAt: '2024-09-01T00:00:00+02:00',
		components: [
			{ key: 'erp-1', name: 'Serveur ERP', kind: 'server' },
			{ key: 'erp', name: 'ERP Logistique', kind: 'application' },
			{ key: 'vpn', name: 'VPN inter-sites', kind: 'network' }
		]
	},
	{
		slug: 'initech',
		name: 'Initech Santé',
		preset: 'softconcept',
		monthlyFeeCents: 120_000,
		commissionedAt: '2026-01-15T00:00:00+01:00',
		components: [
			{ key: 'srv-1', name: 'Serveur applicatif', kind: 'server' },
			{ key: 'dossier-patient', name: 'Dossier patient', kind: 'application' },
			{ key: 'sauvegarde', name: 'Sauvegarde externalisée', kind: 'backup' }
		]
	}
];

const MEMBER_NAMES: Record<MembershipRole, string> = {
	admin: 'Administrateur',
	contact: 'Contact technique',
	viewer: 'Lecteur'
};

/** Seeds the demo: only when the database has no demo client yet. Returns whether it seeded. */
export async function seedDemo(): Promise<boolean> {
	const db = getDb();
	const [{ existing }] = await db.select({ existing: count() }).from(client).where(eq(client.slug, 'acme'));
	if (existing > 0) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await db
		.insert(user)
		.values([
			{ email: 'staff@demo.test', name: 'Sophie Martin', staffRole: 'admin', passwordHash },
			{ email: 'operator@demo.test', name: 'Olivier Petit', staffRole: 'operator', passwordHash }
		])
		.onConflictDoNothing();
	const [staffAdmin] = await db.select().from(user).where(eq(user.email, 'staff@demo.test'));
	const ctx: RequestContext = {
		actor: { kind: 'staff', userId: staffAdmin.id, email: staffAdmin.email, name: staffAdmin.name, role: 'admin' },
		ip: null
	};
	for (const demo of CLIENTS) {
		const created = await createClient(ctx, {
			slug: demo.slug,
			name: demo.name,
			commissionedAt: demo.commissionedAt,
			contract: { preset: demo.preset, monthlyFeeCents: demo.monthlyFeeCents }
		});
		for (const c of demo.components) await createComponent(ctx, demo.slug, c);
		for (const role of ['admin', 'contact', 'viewer'] as const) {
			const [member] = await db
				.insert(user)
				.values({ email: `${role}@${demo.slug}.test`, name: `${MEMBER_NAMES[role]} ${demo.name}`, passwordHash })
				.returning();
			await db.insert(membership).values({ userId: member.id, clientId: created.id, role });
		}
	}
	await db.insert(apiToken).values([
		{ name: 'Demo admin', scope: 'admin', tokenHash: hashSecret(DEMO_TOKENS.admin), prefix: 'demo-ad', createdBy: staffAdmin.id },
		{ name: 'Demo ingest', scope: 'ingest', tokenHash: hashSecret(DEMO_TOKENS.ingest), prefix: 'demo-in', createdBy: staffAdmin.id }
	]);
	return true;
}

export async function isDatabaseEmpty(): Promise<boolean> {
	const [{ users }] = await getDb().select({ users: count() }).from(user);
	return users === 0;
}
