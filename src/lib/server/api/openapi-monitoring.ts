/** The monitoring part of the /api/v1 contract (merged into openapi.ts). */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(description, ref('Error'));
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const status = { enum: ['up', 'degraded', 'down', 'maintenance', 'unknown'] };
const metric = (description: string) => ({ type: 'number', minimum: 0, description });
const nullable = { type: ['number', 'null'] };

export const monitoringPaths = {
	'/samples': {
		post: {
			summary: 'Push agent samples (ingest or admin scope); all or nothing, idempotent on (component, at)',
			requestBody: { required: true, content: { 'application/json': { schema: ref('SampleBatch') } } },
			responses: {
				'202': json('Stored', {
					type: 'object',
					required: ['accepted', 'duplicates'],
					properties: { accepted: { type: 'integer' }, duplicates: { type: 'integer' } }
				}),
				'400': error('Malformed JSON'),
				'401': error('Missing or invalid token'),
				'403': error('Token scope too narrow'),
				'422': error('Invalid batch: details.items lists every failing index with its fields; nothing was stored')
			}
		}
	},
	'/clients/{slug}/status': {
		get: {
			summary: "A client's current state: the worst component state and each component since when (read or admin scope)",
			parameters: [path('slug')],
			responses: {
				'200': json('Status', ref('ClientStatus')),
				'401': error('Missing or invalid token'),
				'403': error('Token scope too narrow'),
				'404': error('Not found')
			}
		}
	},
	'/clients/{slug}/components/{key}/metrics': {
		get: {
			summary: 'Metric averages per minute, hour or day; at most 3,000 points (read or admin scope)',
			parameters: [
				path('slug'),
				path('key'),
				{ name: 'from', in: 'query', schema: { type: 'string', format: 'date-time' }, description: 'Default: to − 24 h' },
				{ name: 'to', in: 'query', schema: { type: 'string', format: 'date-time' }, description: 'Default: now' },
				{ name: 'step', in: 'query', schema: { enum: ['minute', 'hour', 'day'] }, description: 'Default: the finest within 3,000 points' }
			],
			responses: {
				'200': json('Series', ref('MetricSeries')),
				'401': error('Missing or invalid token'),
				'403': error('Token scope too narrow'),
				'404': error('Not found'),
				'422': error('Invalid range or too many points')
			}
		}
	}
};

export const monitoringSchemas = {
	Sample: {
		type: 'object',
		required: ['client', 'component', 'at', 'status'],
		additionalProperties: false,
		properties: {
			client: { type: 'string' },
			component: { type: 'string' },
			at: { type: 'string', format: 'date-time', description: 'At most 5 minutes ahead; backfill up to the raw retention' },
			status: { enum: ['up', 'degraded', 'down'] },
			latencyMs: metric('Round trip, ms'),
			cpuPct: { type: 'number', minimum: 0, maximum: 100 },
			ramPct: { type: 'number', minimum: 0, maximum: 100 },
			diskPct: { type: 'number', minimum: 0, maximum: 100 },
			netInBps: metric('Bytes per second in'),
			netOutBps: metric('Bytes per second out'),
			load1: metric('Load average, 1 minute'),
			iowaitPct: { type: 'number', minimum: 0, maximum: 100 }
		}
	},
	SampleBatch: {
		type: 'object',
		required: ['samples'],
		properties: { samples: { type: 'array', minItems: 1, maxItems: 5000, items: ref('Sample') } }
	},
	ClientStatus: {
		type: 'object',
		required: ['overall', 'components'],
		properties: {
			overall: status,
			components: {
				type: 'array',
				items: {
					type: 'object',
					required: ['key', 'name', 'status', 'since'],
					properties: {
						key: { type: 'string' },
						name: { type: 'string' },
						status,
						since: { type: ['string', 'null'], format: 'date-time' }
					}
				}
			}
		}
	},
	MetricSeries: {
		type: 'object',
		required: ['component', 'resolution', 'from', 'to', 'points'],
		properties: {
			component: { type: 'string' },
			resolution: { enum: ['minute', 'hour', 'day'] },
			from: { type: 'string', format: 'date-time' },
			to: { type: 'string', format: 'date-time' },
			points: {
				type: 'array',
				items: {
					type: 'object',
					properties: {
						at: { type: 'string', format: 'date-time' },
						latencyMs: nullable,
						cpuPct: nullable,
						ramPct: nullable,
						diskPct: nullable,
						netInBps: nullable,
						netOutBps: nullable,
						load1: nullable,
						iowaitPct: nullable
					}
				}
			}
		}
	}
};
