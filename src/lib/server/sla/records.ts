import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { supportCalendar } from '../calendar/business-calendar';
import { getClientInScope } from '../clients/scope';
import { actorUserId, type RequestContext } from '../context';
import { authorize } from '../policy';
import { SLA_CAUSES, resolveContractSettings } from '../contracts/settings';
import { getDb, type Executor } from '../db';
import { component, contract, downtimeQualification, maintenance, maintenanceComponent, type Client } from '../db/schema';
import { invalid } from '../errors';
import { appendEvent } from '../live/outbox';
import { dateIn } from '../status/view-rules';
import { keySchema, parseInput } from '../validation';
import { maintenanceCompliance } from './compliance';

const instant = z.iso.datetime({ offset: true });

async function componentIds(tx: Executor, owner: Client, keys: string[], field: string) {
	const rows = await tx
		.select({ id: component.id, key: component.key })
		.from(component)
		.where(and(eq(component.clientId, owner.id), inArray(component.key, keys)));
	if (rows.length !== new Set(keys).size) throw invalid(m.form_has_errors(), { [field]: m.incident_invalid_components() });
	return rows;
}

function window(start: string, end: string) {
	const s = new Date(start);
	const e = new Date(end);
	if (e <= s) throw invalid(m.form_has_errors(), { end: m.sla_window_invalid() });
	return { s, e };
}

export const maintenanceSchema = z.object({
	components: z.array(keySchema).min(1).max(100),
	start: instant,
	end: instant,
	title: z.string().trim().min(3).max(200),
	announcedAt: instant.optional(),
	approvedAt: instant.optional()
});

/**
 * Records planned maintenance (000 §1.4, 001 §5.5) and says whether it was announced in time: only a
 * compliant one is excluded from availability. `announcedAt` defaults to now, never later.
 */
export async function createMaintenance(ctx: RequestContext, slug: string, input: unknown, now = new Date()) {
	authorize(ctx, 'sla.record');
	const data = parseInput(maintenanceSchema, input, { components: () => m.incident_invalid_components(), title: () => m.incident_invalid_title() });
	const { s, e } = window(data.start, data.end);
	const announcedAt = data.announcedAt ? new Date(data.announcedAt) : now;
	if (announcedAt > now) throw invalid(m.form_has_errors(), { announcedAt: m.incident_invalid_instant() });
	return getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const [row] = await tx.select().from(contract).where(eq(contract.clientId, owner.id));
		const resolved = resolveContractSettings(row.preset, row.overrides);
		if (!resolved.ok) throw invalid(m.incident_contract_invalid());
		const components = await componentIds(tx, owner, data.components, 'components');
		const approvedAt = data.approvedAt ? new Date(data.approvedAt) : null;
		const compliance = maintenanceCompliance(
			{ start: s, end: e, announcedAt, approvedAt },
			resolved.settings.maintenance,
			supportCalendar(resolved.settings.support),
			owner.timezone
		);
		const [created] = await tx
			.insert(maintenance)
			.values({ clientId: owner.id, title: data.title, startAt: s, endAt: e, announcedAt, approvedAt, createdBy: actorUserId(ctx) })
			.returning();
		await tx.insert(maintenanceComponent).values(components.map((c) => ({ maintenanceId: created.id, componentId: c.id })));
		await recordAudit(tx, ctx, { action: 'maintenance.created', targetType: 'maintenance', targetId: created.id, clientId: owner.id, after: { ...created, components: data.components, compliance } });
		await appendEvent(tx, { clientId: owner.id, kind: 'sla.changed', payload: { clientSlug: owner.slug, period: dateIn(owner.timezone, s).slice(0, 7) } });
		return { id: created.id, compliant: compliance.compliant, ...(compliance.reason ? { reason: compliance.reason } : {}) };
	});
}

export const qualificationSchema = z.object({
	component: keySchema,
	start: instant,
	end: instant,
	cause: z.enum(SLA_CAUSES),
	note: z.string().trim().min(1).max(2000)
});

/** Staff mark a period of a component's downtime with its cause (004 art. 6 excusable events). */
export async function createQualification(ctx: RequestContext, slug: string, input: unknown) {
	authorize(ctx, 'sla.record');
	const data = parseInput(qualificationSchema, input, { cause: () => m.incident_invalid_choice(), note: () => m.incident_invalid_required() });
	const { s, e } = window(data.start, data.end);
	return getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const [target] = await componentIds(tx, owner, [data.component], 'component');
		const [created] = await tx
			.insert(downtimeQualification)
			.values({ clientId: owner.id, componentId: target.id, startAt: s, endAt: e, cause: data.cause, note: data.note, createdBy: actorUserId(ctx) })
			.returning();
		await recordAudit(tx, ctx, { action: 'qualification.created', targetType: 'downtime_qualification', targetId: created.id, clientId: owner.id, after: created });
		await appendEvent(tx, { clientId: owner.id, kind: 'sla.changed', payload: { clientSlug: owner.slug, period: dateIn(owner.timezone, s).slice(0, 7) } });
		return { id: created.id, component: data.component, start: s.toISOString(), end: e.toISOString(), cause: data.cause, note: data.note };
	});
}
