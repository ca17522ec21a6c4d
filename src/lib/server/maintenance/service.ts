import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { supportCalendar } from '../calendar/business-calendar';
import { componentsInScope, contractOf, getClientInScope } from '../clients/scope';
import { actorUserId, type RequestContext } from '../context';
import { authorize } from '../policy';
import { getDb } from '../db';
import { maintenance, maintenanceComponent } from '../db/schema';
import { invalid } from '../errors';
import { appendEvent } from '../live/outbox';
import { announcePublicNotice } from '../status/public-notices';
import { keySchema, parseInput, instantSchema } from '../validation';
import { maintenanceCompliance } from './compliance';

const instant = instantSchema;

export const maintenanceSchema = z.object({
	components: z.array(keySchema).min(1).max(100),
	start: instant,
	end: instant,
	title: z.string().trim().min(3).max(200),
	announcedAt: instant
		.optional()
		.meta({ description: 'Default now; may be past for an imported notice, never future' }),
	approvedAt: instant
		.optional()
		.meta({ description: 'The client’s recorded agreement, where the contract requires it' })
});

/**
 * Records planned maintenance (000 §1.4, 001 §5.5) and says whether it was announced in time: only a
 * compliant one is excluded from availability. `announcedAt` defaults to now, never later.
 */
export async function createMaintenance(
	ctx: RequestContext,
	slug: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'sla.record');
	const data = parseInput(maintenanceSchema, input, {
		components: () => m.incident_invalid_components(),
		title: () => m.incident_invalid_title()
	});
	const s = new Date(data.start);
	const e = new Date(data.end);
	if (e <= s) throw invalid(m.form_has_errors(), { end: m.sla_window_invalid() });
	const announcedAt = data.announcedAt ? new Date(data.announcedAt) : now;
	if (announcedAt > now)
		throw invalid(m.form_has_errors(), { announcedAt: m.incident_invalid_instant() });
	return getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const { settings } = await contractOf(tx, owner.id);
		if (!settings) throw invalid(m.incident_contract_invalid());
		const components = await componentsInScope(tx, owner, data.components);
		if (components.length !== new Set(data.components).size)
			throw invalid(m.form_has_errors(), { components: m.incident_invalid_components() });
		const approvedAt = data.approvedAt ? new Date(data.approvedAt) : null;
		const compliance = maintenanceCompliance(
			{ start: s, end: e, announcedAt, approvedAt },
			settings.maintenance,
			supportCalendar(settings.support),
			owner.timezone
		);
		const [created] = await tx
			.insert(maintenance)
			.values({
				clientId: owner.id,
				title: data.title,
				startAt: s,
				endAt: e,
				announcedAt,
				approvedAt,
				createdBy: actorUserId(ctx),
				createdAt: now
			})
			.returning();
		await tx
			.insert(maintenanceComponent)
			.values(components.map((c) => ({ maintenanceId: created.id, componentId: c.id })));
		await recordAudit(tx, ctx, {
			action: 'maintenance.created',
			targetType: 'maintenance',
			targetId: created.id,
			clientId: owner.id,
			after: { ...created, components: data.components, compliance },
			at: now
		});
		await appendEvent(tx, {
			clientId: owner.id,
			kind: 'maintenance.created',
			payload: { clientSlug: owner.slug, id: created.id }
		});
		await announcePublicNotice(tx, { maintenanceId: created.id });
		return {
			id: created.id,
			compliant: compliance.compliant,
			...(compliance.reason ? { reason: compliance.reason } : {})
		};
	});
}
