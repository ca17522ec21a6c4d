import { z } from 'zod';
import { incidentNumberSchema } from '../incidents/api-views';
import { restoreNumberSchema } from '../restores/api-views';
import { keySchema, slugSchema } from '../validation';

/**
 * Builds the OpenAPI document's parts from zod schemas: request bodies and query parameters
 * from the schemas the services validate with (what a caller may send: io "input"), response
 * bodies from the schemas beside each domain's API views (what the API answers: io "output").
 */
export type JsonSchema = { [key: string]: unknown };

type Io = 'input' | 'output';
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422;
type Method = 'get' | 'post' | 'patch' | 'delete';

export interface OperationSpec {
	operationId: string;
	summary: string;
	/** Documented as query parameters, one per property. */
	query?: z.ZodObject;
	/** Name of a request schema (ApiPart.requests). */
	body?: string;
	ok: { status: 200 | 201 | 202; description: string; schema: string };
	/** Extra or more precise error responses. 401 and 403 are always documented, 404 with path parameters, 400/413/422 with a body. */
	errors?: Partial<Record<ErrorStatus, string>>;
}

/** One domain's share of the document: its paths and the zod schemas they name. */
export interface ApiPart {
	paths: Record<string, Partial<Record<Method, OperationSpec>>>;
	requests: Record<string, z.ZodType>;
	responses: Record<string, z.ZodType>;
}

export const ERROR_SCHEMA = 'Error';

const ERRORS: Record<ErrorStatus, string> = {
	400: 'Body not application/json, or malformed JSON',
	401: 'Missing, unknown or revoked token',
	403: 'Token scope too narrow',
	404: 'Not found, including another client’s resource',
	409: 'Conflict',
	413: 'Body over BODY_SIZE_LIMIT',
	422: 'Invalid input: details.fields maps each field to its message'
};

const PATH_PARAMETERS: Record<string, { schema: z.ZodType; description: string }> = {
	slug: { schema: slugSchema, description: 'The client' },
	key: { schema: keySchema, description: 'A component of the client' },
	number: { schema: incidentNumberSchema, description: 'An incident report of the client' },
	id: { schema: z.uuid(), description: 'A maintenance window of the client' },
	webhook: { schema: z.uuid(), description: 'A webhook of the client' },
	delivery: { schema: z.uuid(), description: 'A delivery of the webhook' }
};

/** Where two collections share a parameter's name, the one after `…/<collection>/` wins. */
const COLLECTION_PARAMETERS: Record<string, typeof PATH_PARAMETERS> = {
	restores: {
		number: { schema: restoreNumberSchema, description: 'A restore request of the client' }
	},
	exports: { id: { schema: z.uuid(), description: 'A full export of the client' } }
};

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const jsonContent = (schema: object) => ({ 'application/json': { schema } });

/**
 * In input mode a property is required only when the schema refuses its absence: a preprocess
 * that supplies a default (e.g. an incident's `components`) makes it optional to the caller.
 */
function optionalOnInput({
	zodSchema,
	jsonSchema
}: {
	zodSchema: unknown;
	jsonSchema: JsonSchema;
}) {
	if (!(zodSchema instanceof z.ZodObject) || !Array.isArray(jsonSchema.required)) return;
	const shape = zodSchema.shape as Record<string, z.ZodType>;
	const required = (jsonSchema.required as string[]).filter(
		(key) => !shape[key]?.safeParse(undefined).success
	);
	if (required.length) jsonSchema.required = required;
	else delete jsonSchema.required;
}

/** `z.number().int()` says "a safe integer" with two 16-digit bounds: noise in a document. */
function withoutSafeIntegerBounds({ jsonSchema }: { jsonSchema: JsonSchema }) {
	if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
	if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
}

const options = (io: Io) =>
	({
		target: 'draft-2020-12',
		io,
		unrepresentable: 'any',
		override: (ctx: { zodSchema: unknown; jsonSchema: JsonSchema }) => {
			withoutSafeIntegerBounds(ctx);
			if (io === 'input') optionalOnInput(ctx);
		}
	}) as const;

function withoutDialect({ $schema: _dialect, $id: _id, ...schema }: JsonSchema): JsonSchema {
	return schema;
}

/** Named zod schemas → `components.schemas`; a schema used inside another one becomes a $ref to it. */
export function componentSchemas(
	schemas: Record<string, z.ZodType>,
	io: Io
): Record<string, JsonSchema> {
	const registry = z.registry<{ id: string }>();
	for (const [id, schema] of Object.entries(schemas)) {
		if (registry.has(schema))
			throw new Error(`OpenAPI: ${id} is the same zod schema as ${registry.get(schema)?.id}`);
		registry.add(schema, { id });
	}
	const { schemas: converted } = z.toJSONSchema(registry, {
		...options(io),
		uri: (id) => ref(id).$ref
	});
	return Object.fromEntries(Object.keys(schemas).map((id) => [id, withoutDialect(converted[id])]));
}

function toJson(schema: z.ZodType, io: Io): JsonSchema {
	return withoutDialect(z.toJSONSchema(schema, options(io)));
}

function queryParameters(query: z.ZodObject) {
	const { properties = {}, required = [] } = toJson(query, 'input') as {
		properties?: Record<string, JsonSchema>;
		required?: string[];
	};
	return Object.entries(properties).map(([name, { description, ...schema }]) => ({
		name,
		in: 'query',
		...(required.includes(name) ? { required: true } : {}),
		...(description ? { description } : {}),
		schema
	}));
}

function pathParameters(path: string) {
	return [...path.matchAll(/([\w-]+)\/\{(\w+)\}/g)].map(([, collection, name]) => {
		const known = COLLECTION_PARAMETERS[collection]?.[name] ?? PATH_PARAMETERS[name];
		if (!known) throw new Error(`OpenAPI: no schema for the path parameter {${name}} of ${path}`);
		return {
			name,
			in: 'path',
			required: true,
			description: known.description,
			schema: toJson(known.schema, 'input')
		};
	});
}

function operation(path: string, spec: OperationSpec) {
	const parameters = [...pathParameters(path), ...(spec.query ? queryParameters(spec.query) : [])];
	const errors: Partial<Record<ErrorStatus, string>> = {
		401: ERRORS[401],
		403: ERRORS[403],
		...(path.includes('{') ? { 404: ERRORS[404] } : {}),
		...(spec.body ? { 400: ERRORS[400], 413: ERRORS[413], 422: ERRORS[422] } : {}),
		...spec.errors
	};
	return {
		operationId: spec.operationId,
		summary: spec.summary,
		...(parameters.length ? { parameters } : {}),
		...(spec.body ? { requestBody: { required: true, content: jsonContent(ref(spec.body)) } } : {}),
		responses: {
			[spec.ok.status]: {
				description: spec.ok.description,
				content: jsonContent(ref(spec.ok.schema))
			},
			...Object.fromEntries(
				Object.entries(errors).map(([status, description]) => [
					status,
					{ description, content: jsonContent(ref(ERROR_SCHEMA)) }
				])
			)
		}
	};
}

export type Operation = ReturnType<typeof operation>;

export function paths(part: ApiPart): Record<string, Partial<Record<Method, Operation>>> {
	return Object.fromEntries(
		Object.entries(part.paths).map(([path, ops]) => [
			path,
			Object.fromEntries(
				Object.entries(ops).map(([method, spec]) => [method, operation(path, spec)])
			)
		])
	);
}
