import { incidentPaths, incidentSchemas } from './openapi-incidents';
import { monitoringPaths, monitoringSchemas } from './openapi-monitoring';
import { slaPaths, slaSchemas } from './openapi-sla';

/**
 * The /api/v1 contract. openapi.test.ts fails when a route file and this document disagree.
 */
const error = {
	type: 'object',
	required: ['error'],
	properties: {
		error: {
			type: 'object',
			required: ['code', 'message'],
			properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} }
		}
	}
};

const errorResponse = (description: string) => ({
	description,
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
});

const errors = (...codes: number[]) =>
	Object.fromEntries(
		codes.map((c) => [
			String(c),
			errorResponse(
				{
					400: 'Malformed JSON',
					401: 'Missing or invalid token',
					403: 'Token scope too narrow',
					404: 'Not found',
					409: 'Duplicate',
					422: 'Invalid input (details.fields)'
				}[c] ?? 'Error'
			)
		])
	);

const ok = (description: string, ref: string, status = '200') => ({
	[status]: { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } }
});

const expectedInterval = {
	type: 'integer',
	minimum: 10,
	maximum: 86400,
	description: 'Seconds between agent samples; three silent intervals make the component unknown'
};
const slaScope = { type: 'boolean', description: 'Counted by the SLA (default true)' };
const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } };
const key = { name: 'key', in: 'path', required: true, schema: { type: 'string' } };
const body = (ref: string) => ({
	required: true,
	content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } }
});

export const openApiDocument = {
	openapi: '3.1.0',
	info: { title: 'Hosting portal API', version: '1.0.0' },
	servers: [{ url: '/api/v1' }],
	security: [{ bearer: [] }],
	paths: {
		'/clients': {
			get: {
				summary: 'List clients (read or admin scope)',
				parameters: [
					{ name: 'search', in: 'query', schema: { type: 'string' } },
					{ name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } }
				],
				responses: { ...ok('Clients', 'ClientList'), ...errors(401, 403, 422) }
			},
			post: {
				summary: 'Create a client and its contract (admin scope)',
				requestBody: body('ClientCreate'),
				responses: { ...ok('Created', 'ClientWithContract', '201'), ...errors(400, 401, 403, 409, 422) }
			}
		},
		'/clients/{slug}': {
			get: {
				summary: 'One client with its contract settings (read or admin scope)',
				parameters: [slug],
				responses: { ...ok('Client', 'ClientWithContract'), ...errors(401, 403, 404) }
			}
		},
		'/clients/{slug}/components': {
			get: {
				summary: "A client's components (read or admin scope)",
				parameters: [slug],
				responses: { ...ok('Components', 'ComponentList'), ...errors(401, 403, 404) }
			},
			post: {
				summary: 'Add a component (admin scope)',
				parameters: [slug],
				requestBody: body('ComponentCreate'),
				responses: { ...ok('Created', 'Component', '201'), ...errors(400, 401, 403, 404, 409, 422) }
			}
		},
		'/clients/{slug}/components/{key}': {
			patch: {
				summary: 'Rename or publish a component (admin scope)',
				parameters: [slug, key],
				requestBody: body('ComponentUpdate'),
				responses: { ...ok('Updated', 'Component'), ...errors(400, 401, 403, 404, 422) }
			}
		},
		...monitoringPaths,
		...incidentPaths,
		...slaPaths
	},
	components: {
		securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
		schemas: {
			...monitoringSchemas,
			...incidentSchemas,
			...slaSchemas,
			Error: error,
			Client: {
				type: 'object',
				required: ['slug', 'name', 'timezone', 'commissionedAt', 'createdAt'],
				properties: {
					slug: { type: 'string' },
					name: { type: 'string' },
					timezone: { type: 'string', examples: ['Europe/Paris'] },
					commissionedAt: { type: ['string', 'null'], format: 'date-time' },
					createdAt: { type: 'string', format: 'date-time' }
				}
			},
			ClientWithContract: {
				allOf: [
					{ $ref: '#/components/schemas/Client' },
					{
						type: 'object',
						properties: {
							contract: {
								type: 'object',
								properties: {
									preset: { type: 'string' },
									monthlyFeeCents: { type: 'integer' },
									overrides: { type: 'object' },
									settings: { type: 'object' }
								}
							}
						}
					}
				]
			},
			ClientList: {
				type: 'object',
				properties: {
					clients: { type: 'array', items: { $ref: '#/components/schemas/Client' } },
					total: { type: 'integer' },
					page: { type: 'integer' },
					pageSize: { type: 'integer' }
				}
			},
			ClientCreate: {
				type: 'object',
				required: ['slug', 'name', 'contract'],
				properties: {
					slug: { type: 'string', pattern: '^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$' },
					name: { type: 'string', maxLength: 120 },
					timezone: { type: 'string', default: 'Europe/Paris' },
					commissionedAt: { type: 'string', description: 'ISO 8601 date or date-time with offset' },
					contract: {
						type: 'object',
						required: ['preset'],
						properties: {
							preset: { enum: ['softconcept', 'alteo', 'axantis'] },
							monthlyFeeCents: { type: 'integer', minimum: 0 },
							overrides: { type: 'object', description: 'Deep-merged onto the preset; unknown keys are refused' }
						}
					}
				}
			},
			Component: {
				type: 'object',
				required: ['key', 'name', 'kind', 'public', 'expectedIntervalSeconds', 'slaScope'],
				properties: {
					key: { type: 'string' },
					name: { type: 'string' },
					kind: { enum: ['server', 'application', 'database', 'network', 'backup'] },
					public: { type: 'boolean' },
					expectedIntervalSeconds: expectedInterval,
					slaScope: slaScope
				}
			},
			ComponentList: {
				type: 'object',
				properties: { components: { type: 'array', items: { $ref: '#/components/schemas/Component' } } }
			},
			ComponentCreate: {
				type: 'object',
				required: ['key', 'name', 'kind'],
				properties: {
					key: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,62}$' },
					name: { type: 'string', maxLength: 120 },
					kind: { enum: ['server', 'application', 'database', 'network', 'backup'] },
					public: { type: 'boolean', default: false },
					expectedIntervalSeconds: { ...expectedInterval, default: 60 },
					slaScope: { ...slaScope, default: true }
				}
			},
			ComponentUpdate: {
				type: 'object',
				additionalProperties: false,
				properties: {
					name: { type: 'string', maxLength: 120 },
					kind: { enum: ['server', 'application', 'database', 'network', 'backup'] },
					public: { type: 'boolean' },
					expectedIntervalSeconds: expectedInterval,
					slaScope: slaScope
				}
			}
		}
	}
} as const;
