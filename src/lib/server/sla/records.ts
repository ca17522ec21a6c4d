import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { componentsInScope, getClientInScope } from '../clients/scope';
import { actorUserId, type RequestContext } from '../context';
import { authorize } from '../policy';
import { SLA_CAUSES } from '../contracts/settings';
import { getDb, type Executor } from '../db';
import { downtimeQualification, type Client } from '../db/schema';
import { invalid } from '../errors';
import { appendEvent } from '../live/outbox';
import { dateIn } from '../calendar/dates';
import { keySchema, parseInput, instantSchema } from '../validation';

const instant = instantSchema;

async function componentIds(tx: Executor, owner: Client, keys: string[], field: string) {
	const rows = await componentsInScope(tx, owner, keys);
	if (rows.length !== new Set(keys).size)
		throw invalid(m.form_has_errors(), { [field]: m.incident_invalid_components() });
	return rows;
}

function window(start: string, end: string) {
	const s = new Date(start);
	const e = new Date(end);
	if (e <= s) throw invalid(m.form_has_errors(), { end: m.sla_window_invalid() });
	return { s, e };
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
	const data = parseInput(qualificationSchema, input, {
		cause: () => m.incident_invalid_choice(),
		note: () => m.incident_invalid_required()
	});
	const { s, e } = window(data.start, data.end);
	return getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const [target] = await componentIds(tx, owner, [data.component], 'component');
		const [created] = await tx
			.insert(downtimeQualification)
			.values({
				clientId: owner.id,
				componentId: target.id,
				startAt: s,
				endAt: e,
				cause: data.cause,
				note: data.note,
				createdBy: actorUserId(ctx)
			})
			.returning();
		await recordAudit(tx, ctx, {
			action: 'qualification.created',
			targetType: 'downtime_qualification',
			targetId: created.id,
			clientId: owner.id,
			after: created
		});
		await appendEvent(tx, {
			clientId: owner.id,
			kind: 'sla.changed',
			payload: { clientSlug: owner.slug, period: dateIn(owner.timezone, s).slice(0, 7) }
		});
		return {
			id: created.id,
			component: data.component,
			start: s.toISOString(),
			end: e.toISOString(),
			cause: data.cause,
			note: data.note
		};
	});
}
