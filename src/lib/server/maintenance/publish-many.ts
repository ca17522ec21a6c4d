/**
 * Staff announce one window to several clients at once, or to the shared infrastructure: one
 * maintenance row per client (each measured against its own contract), all in one transaction,
 * so a refusal for any client stores nothing. A preview answers the same assessment without
 * writing. A window whose components are all public (the provider's shared infrastructure) is
 * shown on /status and in every client's calendar (calendar-view.ts).
 */
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { componentsInScope, getClientInScope } from '../clients/scope';
import { actorUserId, type RequestContext } from '../context';
import { getDb, type Executor } from '../db';
import { maintenance, maintenanceComponent, type Client, type Component } from '../db/schema';
import { invalid } from '../errors';
import { authorize } from '../policy';
import { isPublicNotice } from '../status/public-notices-rules';
import { keySchema, parseInput, slugSchema } from '../validation';
import { MAINTENANCE_KINDS, type MaintenanceKind } from './compliance';
import { checkWindow } from './input';
import { assessWindow, type WindowAssessment } from './lifecycle';
import { slaEffect, type SlaEffect } from './sla-effect';
import { instantOfLocal, localDateTimeSchema } from './local-time';
import { recordChange, settingsOf } from './service';

const title = z.string().trim().min(3).max(200);
const description = z.string().trim().max(5000);

export const publishManySchema = z.strictObject({
	targets: z
		.array(z.strictObject({ client: slugSchema, components: z.array(keySchema).max(100) }))
		.min(1)
		.max(50),
	kind: z.enum(MAINTENANCE_KINDS),
	/** Wall-clock times, meant in each target client's own time zone. */
	start: localDateTimeSchema,
	end: localDateTimeSchema,
	title,
	titleEn: title,
	description: description.optional(),
	descriptionEn: description.optional(),
	publish: z.boolean()
});
export type PublishManyInput = z.infer<typeof publishManySchema>;

const messages = {
	targets: () => m.mstaff_pick_targets(),
	kind: () => m.mstaff_invalid_kind(),
	start: () => m.mstaff_invalid_local_time(),
	end: () => m.mstaff_invalid_local_time(),
	title: () => m.incident_invalid_title(),
	titleEn: () => m.incident_invalid_title()
};

export interface TargetPreview extends WindowAssessment {
	client: string;
	name: string;
	timezone: string;
	start: string;
	end: string;
	components: string[];
	/** Every chosen component is public: the window is on /status and in every client's calendar. */
	shared: boolean;
	sla: SlaEffect;
}

interface Resolved {
	owner: Client;
	settings: Awaited<ReturnType<typeof settingsOf>>;
	components: Component[];
	/** The typed wall-clock times read in this client's zone. */
	start: Date;
	end: Date;
}

function parsePublishMany(input: unknown) {
	const data = parseInput(publishManySchema, input, messages);
	const slugs = data.targets.map((t) => t.client);
	if (new Set(slugs).size !== slugs.length)
		throw invalid(m.form_has_errors(), { targets: m.mstaff_pick_targets() });
	return data;
}

/**
 * Every target's client, components and window, or one 422: the window's bounds (`start`,
 * `end`), or each bad target's `components.<slug>`.
 */
async function resolveTargets(
	db: Executor,
	ctx: RequestContext,
	data: PublishManyInput,
	now: Date
): Promise<Resolved[]> {
	const fields: Record<string, string> = {};
	const resolved: Resolved[] = [];
	for (const t of data.targets) {
		const owner = await getClientInScope(db, ctx, t.client);
		const settings = await settingsOf(db, owner);
		const start = instantOfLocal(data.start, owner.timezone);
		const end = instantOfLocal(data.end, owner.timezone);
		checkWindow(start, end, now);
		const keys = [...new Set(t.components)];
		const components = await componentsInScope(db, owner, keys);
		if (keys.length === 0) fields[`components.${t.client}`] = m.mstaff_pick_components();
		else if (components.length !== keys.length)
			fields[`components.${t.client}`] = m.incident_invalid_components();
		resolved.push({ owner, settings, components, start, end });
	}
	if (Object.keys(fields).length > 0) throw invalid(m.form_has_errors(), fields);
	return resolved;
}

const assess = (r: Resolved, kind: MaintenanceKind, now: Date) =>
	assessWindow(
		{
			state: 'published',
			kind,
			start: r.start,
			end: r.end,
			announcedAt: now,
			approval: null,
			approvalAt: null
		},
		r.settings,
		r.owner.timezone,
		now
	);

function previewOf(r: Resolved, a: WindowAssessment): TargetPreview {
	return {
		...a,
		client: r.owner.slug,
		name: r.owner.name,
		timezone: r.owner.timezone,
		start: r.start.toISOString(),
		end: r.end.toISOString(),
		components: r.components.map((c) => c.name).sort(),
		shared: isPublicNotice(r.components.map((c) => c.public)),
		sla: slaEffect(a)
	};
}

/** Per client, what publishing now would mean: compliance, warnings, SLA effect. Writes nothing. */
export async function previewMaintenanceMany(
	ctx: RequestContext,
	input: unknown,
	now = new Date()
): Promise<TargetPreview[]> {
	authorize(ctx, 'maintenance.publish');
	const data = parsePublishMany(input);
	const resolved = await resolveTargets(getDb(), ctx, data, now);
	return resolved.map((r) => previewOf(r, assess(r, data.kind, now)));
}

/** Drafts or publishes the window for every target, all or nothing. */
export async function publishMaintenanceMany(
	ctx: RequestContext,
	input: unknown,
	now = new Date()
): Promise<(TargetPreview & { id: string })[]> {
	authorize(ctx, 'maintenance.publish');
	const data = parsePublishMany(input);
	return getDb().transaction(async (tx) => {
		const resolved = await resolveTargets(tx, ctx, data, now);
		const created: (TargetPreview & { id: string })[] = [];
		for (const r of resolved) {
			const [row] = await tx
				.insert(maintenance)
				.values({
					clientId: r.owner.id,
					kind: data.kind,
					state: data.publish ? 'published' : 'draft',
					title: data.title,
					titleEn: data.titleEn,
					description: data.description || null,
					descriptionEn: data.descriptionEn || null,
					startAt: r.start,
					endAt: r.end,
					announcedAt: data.publish ? now : null,
					createdBy: actorUserId(ctx),
					createdAt: now
				})
				.returning();
			await tx
				.insert(maintenanceComponent)
				.values(r.components.map((c) => ({ maintenanceId: row.id, componentId: c.id })));
			const a = assess(r, data.kind, now);
			await recordChange(
				tx,
				ctx,
				r.owner,
				'created',
				row,
				null,
				{ components: r.components.map((c) => c.key).sort(), assessment: a },
				now
			);
			created.push({ id: row.id, ...previewOf(r, a) });
		}
		return created;
	});
}
