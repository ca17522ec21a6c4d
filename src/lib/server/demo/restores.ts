/**
 * The demo's restore requests, played through the restore services on a backdated clock once the
 * backups exist: per client one completed a few days ago and one under way (accepted, or quoted and
 * approved where the contract bills heavy restores), so the register, the staff queue, the live
 * countdowns, the audit trail and the mails are the services' own.
 */
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { component, restoreTest } from '../db/schema';
import type { RequestContext } from '../context';
import { clientScope } from '../clients/scope';
import { restorablePoints } from '../restores/points';
import { requestRestore } from '../restores/filing';
import {
	acceptRestore,
	approveRestoreQuote,
	completeRestore,
	quoteRestore,
	reportRestoreProgress,
	scheduleRestore
} from '../restores/workflow';
import type { RestoreScope } from '../../domain/restores';

const HOUR = 3_600_000;

export interface RestoreStoryClient {
	slug: string;
	contact: RequestContext;
}

interface Plot {
	/** Hours before now the request is filed. */
	ago: number;
	scope: RestoreScope;
	target: string;
	note: string;
	finish: boolean;
}

const PLOTS: Plot[] = [
	{
		ago: 96,
		scope: 'folder',
		target: '/srv/partage/comptabilite',
		note: 'Dossier écrasé par erreur lors d’une synchronisation.',
		finish: true
	},
	{
		ago: 5,
		scope: 'database',
		target: 'base « commandes »',
		note: 'Lignes supprimées par un import défectueux ce matin.',
		finish: false
	}
];

async function playOne(
	staff: RequestContext,
	client: RestoreStoryClient,
	plot: Plot,
	now: Date
): Promise<void> {
	const at = (hours: number) => new Date(now.getTime() - (plot.ago - hours) * HOUR);
	const { client: owner, settings } = await clientScope(staff, client.slug);
	if (!settings) return;
	const [point] = await restorablePoints(getDb(), owner, settings, at(0));
	if (!point) return;
	const filed = await requestRestore(
		client.contact,
		client.slug,
		{
			backupId: point.id,
			scope: plot.scope,
			target: plot.target,
			note: plot.note,
			confirmDataLoss: true
		},
		at(0)
	);
	const { number } = filed;
	if (filed.needsQuote) {
		await quoteRestore(
			staff,
			client.slug,
			number,
			{
				amountCents: 48_000,
				note: 'Restauration planifiée par un technicien dédié, vérification comprise.'
			},
			at(0.5)
		);
		await approveRestoreQuote(
			client.contact,
			client.slug,
			number,
			{ comment: 'Bon pour accord.' },
			at(1)
		);
	} else await acceptRestore(staff, client.slug, number, {}, at(0.5));
	await scheduleRestore(staff, client.slug, number, { at: at(1.5).toISOString() }, at(1.2));
	await reportRestoreProgress(staff, client.slug, number, { percent: 40 }, at(2));
	if (!plot.finish) return;
	await reportRestoreProgress(staff, client.slug, number, { percent: 80 }, at(3));
	await completeRestore(
		staff,
		client.slug,
		number,
		{ verification: 'Fichiers contrôlés avec le client : dates et tailles conformes au rapport.' },
		at(4)
	);
}

/** Whole-system restore tests (000 §1.8 "de manière régulière"): monthly, the oldest partial. */
async function recordRestoreTests(staff: RequestContext, slug: string, now: Date) {
	const { client: owner } = await clientScope(staff, slug);
	const [server] = await getDb()
		.select({ id: component.id })
		.from(component)
		.where(and(eq(component.clientId, owner.id), eq(component.kind, 'server')))
		.limit(1);
	const recordedBy = 'userId' in staff.actor ? staff.actor.userId : null;
	await getDb()
		.insert(restoreTest)
		.values(
			[90, 60, 30].map((daysAgo, i) => ({
				clientId: owner.id,
				componentId: server?.id ?? null,
				testedAt: new Date(now.getTime() - daysAgo * 24 * HOUR),
				result: i === 0 ? ('partial' as const) : ('succeeded' as const),
				note:
					i === 0
						? 'Système restauré sur la plateforme de test ; une base a dû être rejouée à la main.'
						: 'Système et données restaurés sur la plateforme de test, services démarrés.',
				recordedBy
			}))
		);
}

/** Called from the demo seed after the backups are seeded. */
export async function seedRestores(
	staff: RequestContext,
	clients: RestoreStoryClient[],
	now: Date
): Promise<void> {
	for (const client of clients) {
		await recordRestoreTests(staff, client.slug, now);
		for (const plot of PLOTS) await playOne(staff, client, plot, now);
	}
}
