import {
	maintenanceItemSchema,
	maintenanceListSchema,
	maintenanceRecordedSchema
} from '../maintenance/api-views';
import {
	maintenanceCancelSchema,
	maintenanceDecisionSchema,
	maintenancePatchSchema,
	maintenanceQuerySchema,
	maintenanceRefusalSchema,
	maintenanceSchema
} from '../maintenance/input';
import { maintenanceExtendSchema } from '../maintenance/extend';
import type { ApiPart } from './openapi-kit';

const NOT_OPEN = 'The window is over or cancelled';
const NOT_PENDING = 'The window awaits no decision (not needed, already decided) or has started';
const DECIDERS =
	'Only an authorized contact or the client’s admin, with their session cookie (viewers, staff and tokens get 403)';

/** Planned maintenance windows and the client's agreement, in the /api/v1 contract (assembled in openapi.ts). */
export const maintenanceApi: ApiPart = {
	paths: {
		'/clients/{slug}/maintenance': {
			get: {
				operationId: 'listMaintenance',
				summary:
					'A client’s maintenance windows overlapping from–to, with compliance, warnings and approval (drafts: staff only)',
				query: maintenanceQuerySchema,
				ok: { status: 200, description: 'Windows by start', schema: 'MaintenanceList' },
				errors: { 422: 'Invalid from, to or state (details.fields names it)' }
			},
			post: {
				operationId: 'createMaintenance',
				summary:
					'Publish (or save as a draft) planned maintenance (admin scope); says whether it meets the contract notice',
				body: 'MaintenanceCreate',
				ok: { status: 201, description: 'Recorded', schema: 'MaintenanceRecorded' }
			}
		},
		'/clients/{slug}/maintenance/{id}': {
			patch: {
				operationId: 'updateMaintenance',
				summary:
					'Reschedule or edit a window (admin scope); a moved window is announced anew and loses its agreement',
				body: 'MaintenanceUpdate',
				ok: { status: 200, description: 'Updated', schema: 'MaintenanceItem' },
				errors: { 409: NOT_OPEN }
			}
		},
		'/clients/{slug}/maintenance/{id}/cancel': {
			post: {
				operationId: 'cancelMaintenance',
				summary: 'Cancel a window with its reason (admin scope); it then excludes nothing',
				body: 'MaintenanceCancel',
				ok: { status: 200, description: 'Cancelled', schema: 'MaintenanceItem' },
				errors: { 409: NOT_OPEN }
			}
		},
		'/clients/{slug}/maintenance/{id}/extend': {
			post: {
				operationId: 'extendMaintenance',
				summary:
					'Extend a window under way (admin scope): the overrun is excluded from the SLA only if its own notice, from now, is compliant',
				body: 'MaintenanceExtend',
				ok: { status: 200, description: 'Extended', schema: 'MaintenanceItem' },
				errors: { 409: 'The window is not under way, or the new end is not later' }
			}
		},
		'/clients/{slug}/maintenance/{id}/approve': {
			post: {
				operationId: 'approveMaintenance',
				summary: 'Give the client’s written agreement to a window that needs it (000 §1.4)',
				body: 'MaintenanceApproval',
				ok: { status: 200, description: 'Approved', schema: 'MaintenanceItem' },
				errors: { 403: DECIDERS, 409: NOT_PENDING }
			}
		},
		'/clients/{slug}/maintenance/{id}/refuse': {
			post: {
				operationId: 'refuseMaintenance',
				summary: 'Refuse a window that needs the client’s agreement: it stays counted in the SLA',
				body: 'MaintenanceRefusal',
				ok: { status: 200, description: 'Refused', schema: 'MaintenanceItem' },
				errors: { 403: DECIDERS, 409: NOT_PENDING }
			}
		}
	},
	requests: {
		MaintenanceCreate: maintenanceSchema,
		MaintenanceUpdate: maintenancePatchSchema,
		MaintenanceCancel: maintenanceCancelSchema,
		MaintenanceApproval: maintenanceDecisionSchema,
		MaintenanceRefusal: maintenanceRefusalSchema,
		MaintenanceExtend: maintenanceExtendSchema
	},
	responses: {
		MaintenanceRecorded: maintenanceRecordedSchema,
		MaintenanceItem: maintenanceItemSchema,
		MaintenanceList: maintenanceListSchema
	}
};
