/**
 * The demo's backups: 60 days of them on every demo client's servers, one per slot of the
 * contract's schedules, ingested through the backup service (signed, mailed, audited) on a
 * backdated clock. One expected backup never arrived, so the missing-backup flag has something
 * to show.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../context';
import { contractOf } from '../clients/scope';
import { getDb } from '../db';
import { client, component } from '../db/schema';
import { ingestBackup } from '../backups/ingest';
import { expectedSlots } from '../backups/expected';
import type { BackupSchedule } from '../contracts/settings-schema';
import { seededRng } from './random-walk';

const DAY_MS = 86_400_000;
export const DEMO_BACKUP_DAYS = 60;
/** Files in each manifest: a few hundred, as the demo asks. */
const FILES = 240;

/** Where the demo copies go: the provider's second site, in France (003 art. 3). */
const COPIES = [{ site: 'Lyon — salle 2', country: 'FR' }];

function manifest(rng: () => number, machine: string, at: Date, kind: string) {
	const count = kind === 'incremental' ? Math.round(FILES / 4) : FILES;
	return Array.from({ length: count }, (_, i) => ({
		path: `/srv/${machine}/${i % 3 === 0 ? 'db' : 'data'}/lot-${String(i).padStart(4, '0')}.dat`,
		modifiedAt: new Date(at.getTime() - Math.floor(rng() * 7 * DAY_MS)).toISOString(),
		sizeBytes: 4_096 + Math.floor(rng() * 8_000_000)
	}));
}

const dayOf = (now: Date, daysAgo: number) =>
	new Date(now.getTime() - daysAgo * DAY_MS).toISOString().slice(0, 10);

const durationMinutes = (kind: string) => (kind === 'incremental' ? 12 : kind === 'full' ? 95 : 40);

/**
 * Ingests each client's backups in time order. One slot is left missing: the daily backup three
 * days ago on the first server. Under a contract that sizes the change (003 art. 4.05), the
 * daily backup eight days ago on that server changes 2.5 points too much.
 */
export async function seedBackups(
	ctx: RequestContext,
	slugs: readonly string[],
	now: Date
): Promise<void> {
	const db = getDb();
	const since = new Date(now.getTime() - DEMO_BACKUP_DAYS * DAY_MS);
	const owners = await db
		.select()
		.from(client)
		.where(inArray(client.slug, [...slugs]));
	for (const owner of owners) {
		const { settings } = await contractOf(db, owner.id);
		if (!settings || settings.backups.schedules.length === 0) continue;
		const servers = await db
			.select({ key: component.key })
			.from(component)
			.where(and(eq(component.clientId, owner.id), eq(component.kind, 'server')))
			.orderBy(component.key);
		const rng = seededRng(owner.slug.length * 7919);
		const missingDay = dayOf(now, 3);
		const overLimitDay = dayOf(now, 8);
		const daily =
			settings.backups.schedules.find((c) => c.frequency === 'daily') ??
			settings.backups.schedules.at(-1);
		const planned = servers.flatMap((server, s) => {
			const series = settings.backups.schedules.flatMap((schedule: BackupSchedule) =>
				expectedSlots(schedule, owner.timezone, since, now, settings.backups.graceHours)
					.filter((slot) => slot.windowStart.getTime() + 2 * 3_600_000 < now.getTime())
					.map((slot) => {
						const onDay = (day: string) =>
							s === 0 && schedule === daily && slot.dueAt.toISOString().slice(0, 10) === day;
						return {
							server: server.key,
							schedule,
							startedAt: slot.dueAt,
							missing: onDay(missingDay),
							overLimit: onDay(overLimitDay)
						};
					})
			);
			// A machine's series opens with a full backup, which the change rule measures against.
			const fulls = series.filter((p) => p.schedule.kind !== 'incremental');
			const opens = fulls.length > 0 ? Math.min(...fulls.map((p) => p.startedAt.getTime())) : 0;
			return series.filter((p) => !p.missing && !(p.startedAt.getTime() < opens));
		});
		planned.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
		let size = 40_000_000_000;
		for (const p of planned) {
			const startedAt = p.startedAt.getTime() > now.getTime() ? now : p.startedAt;
			const finishedAt = new Date(
				Math.min(startedAt.getTime() + durationMinutes(p.schedule.kind) * 60_000, now.getTime())
			);
			const drawn = 0.01 + rng() * 0.02;
			const change =
				p.overLimit && settings.backups.maxChangePercent !== null
					? (settings.backups.maxChangePercent + 2.5) / 100
					: drawn;
			size = Math.round(size * (1 + (rng() - 0.4) * 0.01));
			const files = manifest(rng, p.server, startedAt, p.schedule.kind);
			await ingestBackup(
				ctx,
				owner.slug,
				{
					externalId: `demo-${p.server}-${p.schedule.kind}-${startedAt.toISOString()}`,
					component: p.server,
					kind: p.schedule.kind,
					...(p.schedule.scope ? { scope: p.schedule.scope } : {}),
					startedAt: startedAt.toISOString(),
					finishedAt: finishedAt.toISOString(),
					status: 'succeeded',
					sizeBytes: p.schedule.kind === 'incremental' ? Math.round(size * change) : size,
					changedBytes: Math.round(size * change),
					copies: COPIES,
					files
				},
				{ receivedAt: finishedAt }
			);
		}
	}
}
