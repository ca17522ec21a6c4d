import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { getClientInScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { getDb } from '../db';
import { maintenance } from '../db/schema';
import { conflict } from '../errors';
import { nudgeMailQueue } from '../mail/mailer';
import { authorize } from '../policy';
import { instantSchema } from '../validation';
import { extensionRefusal } from './extension';
import { checkWindow, parseMaintenance } from './input';
import { mailMaintenance } from './notify';
import { maintenanceItems, windowInScope } from './records';
import { recordChange, settingsOf } from './service';

export const maintenanceExtendSchema = z.strictObject({
	end: instantSchema.meta({ description: 'The new end, later than the current one' })
});

/**
 * Staff extend a window under way: the end moves later, the announced end is kept, and the
 * overrun is measured apart in the SLA from now (extension.ts). Members are mailed as of a change.
 */
export async function extendMaintenance(
	ctx: RequestContext,
	slug: string,
	id: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'maintenance.publish');
	const data = parseMaintenance(maintenanceExtendSchema, input);
	const end = new Date(data.end);
	const result = await getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const settings = await settingsOf(tx, owner);
		const before = await windowInScope(tx, owner.id, id, { lock: true, drafts: false });
		const refusal = extensionRefusal(
			{ state: before.state, start: before.startAt, end: before.endAt },
			end,
			now
		);
		if (refusal === 'not_running') throw conflict(m.maintenance_not_running());
		checkWindow(before.startAt, end, before.startAt);
		if (refusal) throw conflict(m.maintenance_not_later(), { end: m.maintenance_not_later() });
		const [after] = await tx
			.update(maintenance)
			.set({
				endAt: end,
				plannedEndAt: before.plannedEndAt ?? before.endAt,
				extendedAt: now,
				endedNotifiedAt: null,
				updatedAt: now
			})
			.where(eq(maintenance.id, before.id))
			.returning();
		await recordChange(tx, ctx, owner, 'updated', after, before, { extended: true }, now);
		await mailMaintenance(tx, after, 'rescheduled');
		const [item] = await maintenanceItems(tx, [after], settings, owner.timezone, now);
		return item;
	});
	nudgeMailQueue();
	return result;
}
