import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { hashSecret } from '../auth/crypto';
import { hashPassword } from '../auth/password';
import { createClient } from '../clients/service';
import { createComponent } from '../components/service';
import type { RequestContext } from '../context';
import { markMailDelivered } from '../mail/mailer';
import { getDb } from '../db';
import {
	apiToken,
	client,
	component,
	membership,
	probe,
	user,
	type Client,
	type ComponentKind,
	type MembershipRole,
	type User
} from '../db/schema';
import { seedHistory, type HistoryComponent } from './history';
import { hasStory, replayStory, storySpells, type StoryClient } from './replay';
import { openMembershipPeriod } from '../people/history';
import { seedBackups } from './backups';
import { seedRestores } from './restores';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_TOKENS = { admin: 'demo-admin-token', ingest: 'demo-ingest-token' } as const;
/** The simulator's tick: demo components are expected to report this often. */
export const DEMO_INTERVAL_SECONDS = 10;
/** The provider's own component watched by a real HTTP probe on the app's `/healthz`. */
export const DEMO_PROBED = { client: 'infra', component: 'portal' } as const;

interface DemoClient {
	slug: string;
	name: string;
	preset: 'alteo' | 'axantis' | 'softconcept' | 'defi' | 'dobaas';
	monthlyFeeCents: number;
	commissionedAt: string;
	/** The provider's shared infrastructure has no client accounts. */
	members?: false;
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
	},
	{
		slug: 'umbrella',
		name: 'Umbrella Santé',
		preset: 'dobaas',
		monthlyFeeCents: 90_000,
		commissionedAt: '2025-06-02T00:00:00+02:00',
		components: [
			{ key: 'hds-1', name: 'Serveur de données de santé', kind: 'server' },
			{ key: 'imagerie', name: 'Archivage d’imagerie', kind: 'application' }
		]
	},
	{
		slug: 'duval',
		name: 'Étude Duval Notaires',
		preset: 'defi',
		monthlyFeeCents: 35_000,
		commissionedAt: '2025-11-03T00:00:00+01:00',
		components: [
			{ key: 'nas-1', name: 'Serveur de fichiers', kind: 'server' },
			{ key: 'messagerie', name: 'Messagerie', kind: 'application' }
		]
	},
	{
		slug: DEMO_PROBED.client,
		name: 'Infrastructure mutualisée',
		preset: 'alteo',
		monthlyFeeCents: 0,
		commissionedAt: '2024-01-01T00:00:00+01:00',
		members: false,
		components: [
			{ key: DEMO_PROBED.component, name: 'Portail client', kind: 'application', public: true },
			{ key: 'network', name: 'Réseau et accès Internet', kind: 'network', public: true },
			{ key: 'backup-storage', name: 'Stockage de sauvegarde', kind: 'backup', public: true }
		]
	}
];

export const DEMO_CLIENT_SLUGS = CLIENTS.map((c) => c.slug);

const MEMBER_NAMES: Record<MembershipRole, string> = {
	admin: 'Administrateur',
	contact: 'Contact technique',
	viewer: 'Lecteur'
};

const staffContext = (u: User): RequestContext => ({
	actor: { kind: 'staff', userId: u.id, email: u.email, name: u.name, role: u.staffRole! },
	ip: null
});

const memberContext = (u: User, of: Client, role: MembershipRole): RequestContext => ({
	actor: {
		kind: 'member',
		userId: u.id,
		email: u.email,
		name: u.name,
		clientId: of.id,
		clientSlug: of.slug,
		role
	},
	ip: null
});

/**
 * Seeds the demo: only when the database has no demo client yet. Returns whether it seeded.
 * Components get 90 days of past timeline and metrics ending at `now`, then the clients' story
 * (demo/story.ts) is played through the services. Its mails count as delivered back then: they
 * stay readable at /staff/outbox and no mail job ever sends them.
 */
export async function seedDemo(now = new Date()): Promise<boolean> {
	const db = getDb();
	const [{ existing }] = await db
		.select({ existing: count() })
		.from(client)
		.where(eq(client.slug, 'acme'));
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
	const [operator] = await db.select().from(user).where(eq(user.email, 'operator@demo.test'));
	const ctx = staffContext(staffAdmin);
	const monitored: HistoryComponent[] = [];
	const storyClients: StoryClient[] = [];
	const contacts: { slug: string; contact: RequestContext }[] = [];
	for (const demo of CLIENTS) {
		const created = await createClient(ctx, {
			slug: demo.slug,
			name: demo.name,
			commissionedAt: demo.commissionedAt,
			contract: { preset: demo.preset, monthlyFeeCents: demo.monthlyFeeCents }
		});
		const spells = storySpells(demo.slug, created.timezone, now);
		for (const c of demo.components) {
			const row = await createComponent(ctx, demo.slug, c);
			monitored.push({
				id: row.id,
				key: row.key,
				kind: row.kind,
				timezone: created.timezone,
				spells: spells.get(row.key)
			});
		}
		if (demo.members === false) continue;
		const members: Partial<Record<MembershipRole, RequestContext>> = {};
		for (const role of ['admin', 'contact', 'viewer'] as const) {
			const [member] = await db
				.insert(user)
				.values({
					email: `${role}@${demo.slug}.test`,
					name: `${MEMBER_NAMES[role]} ${demo.name}`,
					passwordHash
				})
				.returning();
			await db.insert(membership).values({ userId: member.id, clientId: created.id, role });
			await openMembershipPeriod(db, ctx, {
				clientId: created.id,
				userId: member.id,
				email: member.email,
				name: member.name,
				role,
				reason: 'invited',
				at: created.commissionedAt ?? created.createdAt
			});
			members[role] = memberContext(member, created, role);
		}
		contacts.push({ slug: demo.slug, contact: members.contact! });
		if (hasStory(demo.slug))
			storyClients.push({
				slug: demo.slug,
				timezone: created.timezone,
				names: new Map(demo.components.map((c) => [c.key, c.name])),
				members: { admin: members.admin!, contact: members.contact! }
			});
	}
	const [adminToken] = await db
		.insert(apiToken)
		.values([
			{
				name: 'Demo admin',
				scope: 'admin',
				tokenHash: hashSecret(DEMO_TOKENS.admin),
				prefix: 'demo-ad',
				createdBy: staffAdmin.id
			},
			{
				name: 'Demo ingest',
				scope: 'ingest',
				tokenHash: hashSecret(DEMO_TOKENS.ingest),
				prefix: 'demo-in',
				createdBy: staffAdmin.id
			}
		])
		.returning({ id: apiToken.id });
	await seedMonitoring(monitored, now);
	await replayStory({ admin: ctx, operator: staffContext(operator) }, storyClients, now);
	await seedBackups(
		{ actor: { kind: 'token', tokenId: adminToken.id, scope: 'admin' }, ip: null },
		contacts.map((c) => c.slug),
		now
	);
	await seedRestores(staffContext(operator), contacts, now);
	await markMailDelivered(db, now);
	return true;
}

async function seedMonitoring(monitored: HistoryComponent[], now: Date) {
	await getDb().transaction(async (tx) => {
		await tx
			.update(component)
			.set({ expectedIntervalSeconds: DEMO_INTERVAL_SECONDS })
			.where(
				inArray(
					component.id,
					monitored.map((c) => c.id)
				)
			);
		const [probed] = await tx
			.select({ id: component.id })
			.from(component)
			.innerJoin(client, eq(client.id, component.clientId))
			.where(and(eq(client.slug, DEMO_PROBED.client), eq(component.key, DEMO_PROBED.component)));
		await tx.insert(probe).values({
			componentId: probed.id,
			kind: 'http',
			target: healthzUrl('http://localhost:3000'),
			intervalSeconds: DEMO_INTERVAL_SECONDS,
			timeoutMs: 5000,
			degradedAboveMs: 1000
		});
		await seedHistory(tx, monitored, now);
	});
}

const healthzUrl = (baseUrl: string) => new URL('/healthz', baseUrl).href;

/** The port can change between starts: the demo probe follows the app's origin. Returns whether it exists. */
export async function pointDemoProbeAt(baseUrl: string): Promise<boolean> {
	const updated = await getDb().execute(sql`
		update probe set target = ${healthzUrl(baseUrl)}, next_run_at = now(), updated_at = now()
		where component_id = (
			select c.id from component c join client cl on cl.id = c.client_id
			where cl.slug = ${DEMO_PROBED.client} and c.key = ${DEMO_PROBED.component})`);
	return updated.count > 0;
}

export async function isDatabaseEmpty(): Promise<boolean> {
	const [{ users }] = await getDb().select({ users: count() }).from(user);
	return users === 0;
}
