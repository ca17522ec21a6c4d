import { z } from 'zod';
import type { MaintenanceNonCompliance } from './compliance';
import { MAINTENANCE_KINDS } from './compliance';
import { APPROVAL_STATES, MAINTENANCE_STATES } from './lifecycle';
import type { MaintenanceItem } from './records';
import type { createMaintenance } from './service';
import type { SlotWarning } from './slots';

/** What the maintenance operations answer, with the zod schemas the OpenAPI document is generated from. */
const NON_COMPLIANCE = [
	'invalid_window',
	'not_announced_before_start',
	'notice_too_short',
	'network_notice_too_short',
	'approval_missing'
] as const satisfies readonly MaintenanceNonCompliance[];

const WARNINGS = [
	'late_weekday',
	'friday_afternoon',
	'weekend',
	'holiday',
	'holiday_eve',
	'during_business_hours',
	'outside_business_hours'
] as const satisfies readonly SlotWarning[];

const reasons = z.array(z.enum(NON_COMPLIANCE)).meta({
	description: 'Every contract rule the window breaks (000 §1.4, 001 §5.5); empty = compliant'
});
const warnings = z.array(z.enum(WARNINGS)).meta({
	description: 'Slots the contract advises against (001 §4.1.3, 000 §1.4): warnings, not breaches'
});
const needsApproval = z.boolean().meta({
	description: 'Longer than the contract allows without the client’s written agreement (000 §1.4)'
});

export const maintenanceRecordedSchema = z.strictObject({
	id: z.string(),
	compliant: z.boolean().meta({
		description: 'Announced within the contract notice: only then excluded from availability'
	}),
	reason: z.enum(NON_COMPLIANCE).optional().meta({ description: 'Why it is not compliant' }),
	reasons,
	warnings,
	needsApproval,
	occurrences: z
		.array(
			z.strictObject({ id: z.string(), start: z.string(), end: z.string(), compliant: z.boolean() })
		)
		.optional()
		.meta({ description: 'With rrule: every window of the series, each with its own compliance' })
});

export const maintenanceRecordedView = (
	r: Awaited<ReturnType<typeof createMaintenance>>
): z.infer<typeof maintenanceRecordedSchema> => ({
	id: r.id,
	compliant: r.compliant,
	...(r.reason ? { reason: r.reason } : {}),
	reasons: r.reasons,
	warnings: r.warnings,
	needsApproval: r.needsApproval,
	...('occurrences' in r && r.occurrences ? { occurrences: r.occurrences } : {})
});

export const maintenanceItemSchema = z.strictObject({
	id: z.string(),
	kind: z.enum(MAINTENANCE_KINDS),
	state: z.enum(MAINTENANCE_STATES),
	start: z.string(),
	end: z.string(),
	title: z.string(),
	description: z.string().optional(),
	components: z.array(z.string()).meta({ description: 'Component keys' }),
	compliant: z.boolean().meta({ description: 'Only a compliant window is excluded from the SLA' }),
	reasons,
	warnings,
	needsApproval,
	approval: z.strictObject({
		state: z.enum(APPROVAL_STATES),
		by: z.string().optional().meta({ description: 'Who decided (name)' }),
		at: z.string().optional(),
		comment: z.string().optional()
	}),
	announcedAt: z
		.string()
		.optional()
		.meta({ description: 'When the current window was announced; absent on drafts' }),
	cancelReason: z.string().optional()
});

export const maintenanceListSchema = z.strictObject({
	items: z.array(maintenanceItemSchema),
	next: z
		.string()
		.optional()
		.meta({ description: 'More windows follow: pass it as `cursor` for the next page' })
});

export const maintenanceItemView = (i: MaintenanceItem): z.infer<typeof maintenanceItemSchema> => ({
	id: i.id,
	kind: i.kind,
	state: i.state,
	start: i.start,
	end: i.end,
	title: i.title,
	...(i.description ? { description: i.description } : {}),
	components: i.components,
	compliant: i.compliant,
	reasons: i.reasons,
	warnings: i.warnings,
	needsApproval: i.needsApproval,
	approval: i.approval,
	...(i.announcedAt ? { announcedAt: i.announcedAt } : {}),
	...(i.cancelReason ? { cancelReason: i.cancelReason } : {})
});

export const maintenanceListView = (r: {
	items: MaintenanceItem[];
	next?: string;
}): z.infer<typeof maintenanceListSchema> => ({
	items: r.items.map(maintenanceItemView),
	...(r.next ? { next: r.next } : {})
});
