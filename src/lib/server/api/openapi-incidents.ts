/** The incident-report part of the /api/v1 contract (merged into openapi.ts). */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(description, ref('Error'));
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const errors = {
	'400': error('Malformed JSON'),
	'401': error('Missing or invalid token'),
	'403': error('Token scope too narrow, or a viewer filing'),
	'404': error('Not found, including another client’s report'),
	'409': error('Not possible in the report’s current state'),
	'422': error('Invalid input (details.fields)')
};
const instant = { type: 'string', format: 'date-time', description: 'ISO 8601 with offset, no later than now (imports)' };
const severity = { enum: ['critical', 'major', 'minor', 'information_request'] };
const state = { enum: ['on_track', 'at_risk', 'met', 'breached'] };
const text = { type: 'string', minLength: 1 };
const incidentParams = [path('slug'), path('number')];

export const incidentPaths = {
	'/clients/{slug}/incidents': {
		get: {
			summary: "A client's register of reports, newest first, 20 a page (read or admin scope)",
			parameters: [
				path('slug'),
				...['status', 'severity', 'component', 'from', 'to', 'q', 'page'].map((name) => ({ name, in: 'query', schema: { type: 'string' } }))
			],
			responses: { '200': json('Register page', { type: 'object' }), ...errors }
		},
		post: {
			summary: 'File a report (admin scope), e.g. one received by phone; deadlines come from the contract',
			parameters: [path('slug')],
			requestBody: body('IncidentCreate'),
			responses: { '201': json('Filed', ref('IncidentWrite')), ...errors }
		}
	},
	'/clients/{slug}/incidents/{number}': {
		get: {
			summary: 'One report with its components, deadline states and timeline (read or admin scope)',
			parameters: incidentParams,
			responses: { '200': json('Report', ref('IncidentDetail')), ...errors }
		}
	},
	'/clients/{slug}/incidents/{number}/acknowledge': {
		post: {
			summary: 'Acknowledge ("prise en compte") with the estimated nature and resolution time (admin scope)',
			parameters: incidentParams,
			requestBody: body('IncidentAcknowledge'),
			responses: { '200': json('Acknowledged', ref('IncidentWrite')), ...errors }
		}
	},
	'/clients/{slug}/incidents/{number}/updates': {
		post: {
			summary: 'Post a public update or an internal note (admin scope)',
			parameters: incidentParams,
			requestBody: body('IncidentUpdate'),
			responses: { '201': json('Posted', ref('IncidentWrite')), ...errors }
		}
	},
	'/clients/{slug}/incidents/{number}/resolve': {
		post: {
			summary: 'Resolve with a summary (admin scope)',
			parameters: incidentParams,
			requestBody: body('IncidentResolve'),
			responses: { '200': json('Resolved', ref('IncidentWrite')), ...errors }
		}
	}
};

export const incidentSchemas = {
	IncidentCreate: {
		type: 'object',
		required: ['severity', 'title', 'description'],
		properties: {
			severity,
			components: { type: 'array', items: { type: 'string' }, description: 'Component keys' },
			title: { type: 'string', minLength: 3, maxLength: 200 },
			description: { type: 'string', minLength: 1, maxLength: 10000, description: 'Plain text' },
			reportedAt: instant
		}
	},
	IncidentAcknowledge: {
		type: 'object',
		required: ['nature', 'estimatedResolution'],
		properties: { nature: text, estimatedResolution: text, at: instant }
	},
	IncidentUpdate: {
		type: 'object',
		required: ['message'],
		properties: { message: text, internal: { type: 'boolean', default: false } }
	},
	IncidentResolve: { type: 'object', required: ['summary'], properties: { summary: text, at: instant } },
	IncidentWrite: {
		type: 'object',
		required: ['number', 'severity', 'status', 'acknowledgeBy', 'resolveBy'],
		properties: {
			number: { type: 'string', examples: ['INC-2026-00042'] },
			severity,
			status: { enum: ['open', 'acknowledged', 'resolved', 'closed'] },
			title: { type: 'string' },
			reportedAt: { type: 'string', format: 'date-time' },
			acknowledgeBy: { type: 'string', format: 'date-time' },
			resolveBy: { type: 'string', format: 'date-time' },
			acknowledgedAt: { type: ['string', 'null'], format: 'date-time' },
			resolvedAt: { type: ['string', 'null'], format: 'date-time' }
		}
	},
	IncidentDetail: {
		allOf: [
			ref('IncidentWrite'),
			{
				type: 'object',
				properties: {
					acknowledgeState: state,
					resolveState: state,
					standbyServerDue: { type: 'boolean' },
					description: { type: 'string' },
					components: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, name: { type: 'string' } } } },
					updates: { type: 'array', items: { type: 'object' } }
				}
			}
		]
	}
};
