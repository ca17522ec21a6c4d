/** The SLA part of the /api/v1 contract (merged into openapi.ts). */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(description, ref('Error'));
const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } };
const instant = { type: 'string', format: 'date-time' };
const writeErrors = {
	'400': error('Malformed JSON'),
	'401': error('Missing or invalid token'),
	'403': error('Token scope too narrow'),
	'404': error('Not found'),
	'422': error('Invalid input (details.fields)')
};

export const slaPaths = {
	'/clients/{slug}/sla': {
		get: {
			summary: 'The SLA report of the period holding a month (read or admin scope); frozen once the period is closed',
			parameters: [
				slug,
				{ name: 'month', in: 'query', schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' }, description: 'Default: the current month' },
				{ name: 'recompute', in: 'query', schema: { enum: ['1'] }, description: 'Admin only: compute afresh without touching a frozen record' }
			],
			responses: { '200': json('Report', ref('SlaReport')), '401': error('Missing or invalid token'), '403': error('Token scope too narrow'), '404': error('Not found'), '422': error('Invalid month') }
		}
	},
	'/clients/{slug}/maintenance': {
		post: {
			summary: 'Record planned maintenance (admin scope); says whether it was announced within the contract notice',
			parameters: [slug],
			requestBody: { required: true, content: { 'application/json': { schema: ref('MaintenanceCreate') } } },
			responses: {
				'201': json('Recorded', { type: 'object', required: ['id', 'compliant'], properties: { id: { type: 'string' }, compliant: { type: 'boolean' }, reason: { type: 'string' } } }),
				...writeErrors
			}
		}
	},
	'/clients/{slug}/qualifications': {
		post: {
			summary: "Qualify a period of a component's downtime with its cause (admin scope)",
			parameters: [slug],
			requestBody: { required: true, content: { 'application/json': { schema: ref('QualificationCreate') } } },
			responses: { '201': json('Recorded', { type: 'object' }), ...writeErrors }
		}
	}
};

export const slaSchemas = {
	SlaReport: {
		type: 'object',
		required: ['month', 'timezone', 'preset', 'target', 'availability', 'met', 'coverageMinutes', 'downtimeMinutes', 'excludedMinutes', 'unknownMinutes', 'credit', 'frozen', 'exclusions', 'components'],
		properties: {
			month: { type: 'string' },
			timezone: { type: 'string' },
			preset: { type: 'string' },
			target: { type: 'number' },
			availability: { type: 'number', description: 'Floored to 3 decimals; met is decided on the exact value' },
			met: { type: 'boolean' },
			coverageMinutes: { type: 'number' },
			downtimeMinutes: { type: 'number' },
			excludedMinutes: { type: 'number' },
			unknownMinutes: { type: 'number' },
			credit: { type: 'object', properties: { percent: { type: 'number' }, amountCents: { type: 'integer' } } },
			frozen: { type: 'boolean' },
			exclusions: { type: 'array', items: { type: 'object', properties: { start: instant, end: instant, reason: { type: 'string' } } } },
			components: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, availability: { type: 'number' }, downtimeMinutes: { type: 'number' } } } }
		}
	},
	MaintenanceCreate: {
		type: 'object',
		required: ['components', 'start', 'end', 'title'],
		properties: {
			components: { type: 'array', minItems: 1, items: { type: 'string' } },
			start: instant,
			end: instant,
			title: { type: 'string', minLength: 3, maxLength: 200 },
			announcedAt: { ...instant, description: 'Default now; may be past for imported notices, never future' },
			approvedAt: { ...instant, description: "The client's recorded agreement, where the contract requires it" }
		}
	},
	QualificationCreate: {
		type: 'object',
		required: ['component', 'start', 'end', 'cause', 'note'],
		properties: {
			component: { type: 'string' },
			start: instant,
			end: instant,
			cause: { enum: ['client', 'authorized_third_party', 'force_majeure', 'third_party_operator', 'beyond_capacity', 'out_of_scope'] },
			note: { type: 'string', minLength: 1 }
		}
	}
};
