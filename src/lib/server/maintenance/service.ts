import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { componentsInScope, contractOf, getClientInScope } from '../clients/scope';
import { actorUserId, type RequestContext } from '../context';
import { authorize } from '../policy';
import { getDb, type Executor } from '../db';
import { maintenance, maintenanceComponent, type Client } from '../db/schema';
import { conflict, invalid } from '../errors';
import { appendEvent } from '../live/outbox';
import { announcePublicNotice } from '../status/public-notices';
import { defaultKind } from './compliance';
import {
	expandRecurrence,
	occurrencesOverlap,
	parseRecurrence,
	type ParsedRule
} from './recurrence';
import {
	checkWindow,
	latestStart,
	maintenanceCancelSchema,
	maintenancePatchSchema,
	maintenanceSchema,
	parseMaintenance
} from './input';
import { assessWindow, editRefusal } from './lifecycle';
import { markersAfterMove } from './boundaries';
import { mailMaintenance } from './notify';
import { nudgeMailQueue } from '../mail/mailer';
import { maintenanceItems, windowInScope, windowRecord, type MaintenanceRow } from './records';

export { maintenanceSchema } from './input';

export async function settingsOf(tx: Executor, owner: Client) {
	const { settings } = await contractOf(tx, owner.id);
	if (!settings) throw invalid(m.incident_contract_invalid());
	return settings;
}

async function componentIds(tx: Executor, owner: Client, keys: string[]) {
	const found = await componentsInScope(tx, owner, keys);
	if (found.length !== new Set(keys).size)
		throw invalid(m.form_has_errors(), { components: m.incident_invalid_components() });
	return found.map((c) => c.id);
}

/** Audit row and live event of a change; the events of a window never published reach staff only. */
export async function recordChange(
	tx: Executor,
	ctx: RequestContext,
	owner: Client,
	kind: 'created' | 'updated' | 'cancelled' | 'approved' | 'refused',
	after: MaintenanceRow,
	before: MaintenanceRow | null,
	extra: Record<string, unknown> = {},
	at?: Date
) {
	await recordAudit(tx, ctx, {
		action: `maintenance.${kind}`,
		targetType: 'maintenance',
		targetId: after.id,
		clientId: owner.id,
		before,
		after: { ...after, ...extra },
		at
	});
	await appendEvent(tx, {
		clientId: after.announcedAt === null ? null : owner.id,
		kind: `maintenance.${kind}`,
		payload: { clientSlug: owner.slug, id: after.id }
	});
	// /status lists shared-infrastructure windows: it hears of every published change.
	if (after.announcedAt !== null) await announcePublicNotice(tx, { maintenanceId: after.id });
}

/**
 * Records planned maintenance (000 §1.4, 001 §5.5), published (the notice runs from
 * `announcedAt`, default now, never later) or as a draft only staff see, and says whether it
 * meets the contract: only a compliant one is excluded from availability.
 */
export async function createMaintenance(
	ctx: RequestContext,
	slug: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'maintenance.publish');
	const data = parseMaintenance(maintenanceSchema, input);
	const start = new Date(data.start);
	const end = new Date(data.end);
	checkWindow(start, end, now);
	const publish = data.publish ?? true;
	if (!publish && data.announcedAt)
		throw invalid(m.form_has_errors(), { announcedAt: m.maintenance_draft_not_announced() });
	const announcedAt = publish ? (data.announcedAt ? new Date(data.announcedAt) : now) : null;
	if (announcedAt && announcedAt > now)
		throw invalid(m.form_has_errors(), { announcedAt: m.incident_invalid_instant() });
	const result = await getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const settings = await settingsOf(tx, owner);
		const ids = await componentIds(tx, owner, data.components);
		const approvedAt = data.approvedAt ? new Date(data.approvedAt) : null;
		const rule = data.rrule === undefined ? null : parseRecurrence(data.rrule);
		if (data.rrule !== undefined && !rule)
			throw invalid(m.form_has_errors(), { rrule: m.maintenance_invalid_rrule() });
		const windows = rule
			? seriesOf(rule, { start, end }, owner.timezone, data.exdates, now)
			: [{ start, end }];
		const seriesId = rule ? crypto.randomUUID() : null;
		const occurrences = [];
		for (const w of windows) {
			const [created] = await tx
				.insert(maintenance)
				.values({
					clientId: owner.id,
					kind: data.kind ?? defaultKind(settings.maintenance),
					state: publish ? 'published' : 'draft',
					title: data.title,
					description: data.description || null,
					startAt: w.start,
					endAt: w.end,
					announcedAt,
					approval: approvedAt ? 'approved' : null,
					approvalAt: approvedAt,
					seriesId,
					recurrence: rule?.text ?? null,
					createdBy: actorUserId(ctx),
					createdAt: now
				})
				.returning();
			await tx
				.insert(maintenanceComponent)
				.values(ids.map((componentId) => ({ maintenanceId: created.id, componentId })));
			const a = assessWindow(windowRecord(created), settings, owner.timezone, now);
			await recordChange(
				tx,
				ctx,
				owner,
				'created',
				created,
				null,
				{ components: data.components, assessment: a },
				now
			);
			if (publish) await mailMaintenance(tx, created, 'published', { at: now });
			occurrences.push({ created, a });
		}
		const [{ created, a }] = occurrences;
		return {
			id: created.id,
			...a,
			...(a.reasons.length ? { reason: a.reasons[0] } : {}),
			...(rule
				? {
						occurrences: occurrences.map((o) => ({
							id: o.created.id,
							start: o.created.startAt.toISOString(),
							end: o.created.endAt.toISOString(),
							compliant: o.a.compliant
						}))
					}
				: {})
		};
	});
	nudgeMailQueue();
	return result;
}

/** The windows of a recurring announcement; 422 naming `rrule` when it yields none or they overlap. */
function seriesOf(
	rule: ParsedRule,
	first: { start: Date; end: Date },
	timeZone: string,
	exceptions: string[] | undefined,
	now: Date
) {
	const all = expandRecurrence(rule, first, timeZone, {
		exceptions,
		latestStart: latestStart(now)
	});
	if (
		all.length === 0 ||
		all[0].start.getTime() !== first.start.getTime() ||
		occurrencesOverlap(all)
	)
		throw invalid(m.form_has_errors(), { rrule: m.maintenance_invalid_rrule() });
	return all;
}

/**
 * Reschedules or edits a window until it is over. A published window whose times, kind or
 * components change is announced anew (its notice runs from now: the change re-notifies) and
 * loses any agreement, which was given for the old window (000 §1.4).
 */
export async function updateMaintenance(
	ctx: RequestContext,
	slug: string,
	id: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'maintenance.publish');
	const data = parseMaintenance(maintenancePatchSchema, input);
	const result = await getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const settings = await settingsOf(tx, owner);
		const before = await windowInScope(tx, owner.id, id, { lock: true });
		if (editRefusal(windowRecord(before), now)) throw conflict(m.maintenance_not_editable());
		const start = data.start ? new Date(data.start) : before.startAt;
		const end = data.end ? new Date(data.end) : before.endAt;
		if (data.start || data.end) checkWindow(start, end, now);
		const ids = data.components ? await componentIds(tx, owner, data.components) : null;
		const moved =
			start.getTime() !== before.startAt.getTime() ||
			end.getTime() !== before.endAt.getTime() ||
			(data.kind !== undefined && data.kind !== before.kind) ||
			ids !== null;
		const published = before.state === 'published' || data.publish === true;
		const renotify = published && (moved || before.state === 'draft');
		const [after] = await tx
			.update(maintenance)
			.set({
				startAt: start,
				endAt: end,
				...(data.title ? { title: data.title } : {}),
				...(data.kind ? { kind: data.kind } : {}),
				...(data.description !== undefined ? { description: data.description || null } : {}),
				state: published ? 'published' : before.state,
				...(renotify ? { announcedAt: now } : {}),
				...(moved
					? { approval: null, approvalAt: null, approvalBy: null, approvalComment: null }
					: {}),
				...(moved ? markersAfterMove(start, end, now) : {}),
				updatedAt: now
			})
			.where(eq(maintenance.id, before.id))
			.returning();
		if (ids) {
			await tx.delete(maintenanceComponent).where(eq(maintenanceComponent.maintenanceId, after.id));
			await tx
				.insert(maintenanceComponent)
				.values(ids.map((componentId) => ({ maintenanceId: after.id, componentId })));
		}
		const a = assessWindow(windowRecord(after), settings, owner.timezone, now);
		await recordChange(tx, ctx, owner, 'updated', after, before, {
			...(data.components ? { components: data.components } : {}),
			assessment: a
		});
		if (renotify)
			await mailMaintenance(tx, after, before.state === 'draft' ? 'published' : 'rescheduled', {
				agreementReset: moved && before.approval !== null
			});
		const [item] = await maintenanceItems(tx, [after], settings, owner.timezone, now);
		return item;
	});
	nudgeMailQueue();
	return result;
}

/** Cancels a window that is not over, with the reason the client reads. It then excludes nothing. */
export async function cancelMaintenance(
	ctx: RequestContext,
	slug: string,
	id: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'maintenance.publish');
	const { reason } = parseMaintenance(maintenanceCancelSchema, input);
	const result = await getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const settings = await settingsOf(tx, owner);
		const before = await windowInScope(tx, owner.id, id, { lock: true });
		if (editRefusal(windowRecord(before), now)) throw conflict(m.maintenance_not_editable());
		const [after] = await tx
			.update(maintenance)
			.set({ state: 'cancelled', cancelledAt: now, cancelReason: reason, updatedAt: now })
			.where(eq(maintenance.id, before.id))
			.returning();
		await recordChange(tx, ctx, owner, 'cancelled', after, before);
		if (after.announcedAt !== null) await mailMaintenance(tx, after, 'cancelled');
		const [item] = await maintenanceItems(tx, [after], settings, owner.timezone, now);
		return item;
	});
	nudgeMailQueue();
	return result;
}
