import { z } from 'zod';
import type { MaintenanceNonCompliance } from './compliance';
import type { createMaintenance } from './service';

/** What `POST /api/v1/clients/{slug}/maintenance` answers, with the zod schema the OpenAPI document is generated from. */
const NON_COMPLIANCE = [
	'invalid_window',
	'not_announced_before_start',
	'notice_too_short',
	'network_notice_too_short',
	'approval_missing'
] as const satisfies readonly MaintenanceNonCompliance[];

export const maintenanceRecordedSchema = z.strictObject({
	id: z.string(),
	compliant: z.boolean().meta({
		description: 'Announced within the contract notice: only then excluded from availability'
	}),
	reason: z.enum(NON_COMPLIANCE).optional().meta({ description: 'Why it is not compliant' })
});

export const maintenanceRecordedView = (
	r: Awaited<ReturnType<typeof createMaintenance>>
): z.infer<typeof maintenanceRecordedSchema> => ({
	id: r.id,
	compliant: r.compliant,
	...(r.reason ? { reason: r.reason } : {})
});
