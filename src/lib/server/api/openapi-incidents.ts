import {
	incidentDetailSchema,
	incidentPageSchema,
	incidentSummarySchema,
	incidentWriteSchema
} from '../incidents/api-views';
import {
	acknowledgeSchema,
	fileIncidentSchema,
	listFiltersSchema,
	resolveSchema,
	updateSchema
} from '../incidents/input';
import type { ApiPart } from './openapi-kit';

const wrongState = 'Not possible in the report’s current state';

/** Incident reports in the /api/v1 contract (assembled in openapi.ts). */
export const incidentsApi: ApiPart = {
	paths: {
		'/clients/{slug}/incidents': {
			get: {
				operationId: 'listIncidents',
				summary:
					"A client's register of reports, newest first, 20 a page (read or admin scope); an invalid filter is ignored",
				// `client` filters the staff queue across clients; here the path names the client.
				query: listFiltersSchema.omit({ client: true }),
				ok: { status: 200, description: 'Register page', schema: 'IncidentPage' }
			},
			post: {
				operationId: 'fileIncident',
				summary:
					'File a report (admin scope), e.g. one received by phone; deadlines come from the contract',
				body: 'IncidentCreate',
				ok: { status: 201, description: 'Filed', schema: 'IncidentWrite' }
			}
		},
		'/clients/{slug}/incidents/{number}': {
			get: {
				operationId: 'getIncident',
				summary:
					'One report with its components, deadline states and timeline (read or admin scope)',
				ok: { status: 200, description: 'Report', schema: 'IncidentDetail' }
			}
		},
		'/clients/{slug}/incidents/{number}/acknowledge': {
			post: {
				operationId: 'acknowledgeIncident',
				summary:
					'Acknowledge ("prise en compte") with the estimated nature and resolution time (admin scope)',
				body: 'IncidentAcknowledge',
				ok: { status: 200, description: 'Acknowledged', schema: 'IncidentWrite' },
				errors: { 409: wrongState }
			}
		},
		'/clients/{slug}/incidents/{number}/updates': {
			post: {
				operationId: 'postIncidentUpdate',
				summary: 'Post a public update or an internal note (admin scope)',
				body: 'IncidentUpdate',
				ok: { status: 201, description: 'Posted', schema: 'IncidentWrite' },
				errors: { 409: wrongState }
			}
		},
		'/clients/{slug}/incidents/{number}/resolve': {
			post: {
				operationId: 'resolveIncident',
				summary: 'Resolve with a summary (admin scope)',
				body: 'IncidentResolve',
				ok: { status: 200, description: 'Resolved', schema: 'IncidentWrite' },
				errors: { 409: wrongState }
			}
		}
	},
	requests: {
		IncidentCreate: fileIncidentSchema,
		IncidentAcknowledge: acknowledgeSchema,
		IncidentUpdate: updateSchema,
		IncidentResolve: resolveSchema
	},
	responses: {
		IncidentWrite: incidentWriteSchema,
		IncidentSummary: incidentSummarySchema,
		IncidentPage: incidentPageSchema,
		IncidentDetail: incidentDetailSchema
	}
};
