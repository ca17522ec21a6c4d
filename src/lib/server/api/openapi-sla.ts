import { qualificationRecordedSchema, slaQuerySchema, slaReportSchema } from '../sla/api-views';
import { qualificationSchema } from '../sla/records';
import { backupComplianceSchema } from '../backups/api-views';
import type { ApiPart } from './openapi-kit';

/** SLA reports and the records that shape them, in the /api/v1 contract (assembled in openapi.ts). */
export const slaApi: ApiPart = {
	paths: {
		'/clients/{slug}/sla': {
			get: {
				operationId: 'getSlaReport',
				summary:
					"The SLA report of the period holding a month (read or admin scope); frozen once the period is closed. `backupCompliance` gives the month's backups received / expected beside it",
				query: slaQuerySchema,
				ok: { status: 200, description: 'Report', schema: 'SlaReport' },
				errors: {
					403: 'Token scope too narrow, or recompute without the admin scope',
					422: 'Invalid month, or a future one'
				}
			}
		},
		'/clients/{slug}/qualifications': {
			post: {
				operationId: 'createQualification',
				summary: "Qualify a period of a component's downtime with its cause (admin scope)",
				body: 'QualificationCreate',
				ok: { status: 201, description: 'Recorded', schema: 'QualificationRecorded' }
			}
		}
	},
	requests: { QualificationCreate: qualificationSchema },
	responses: {
		SlaReport: slaReportSchema.extend({ backupCompliance: backupComplianceSchema }),
		QualificationRecorded: qualificationRecordedSchema
	}
};
