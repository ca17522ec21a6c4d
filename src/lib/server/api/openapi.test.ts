import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';

const API_ROOT = join(process.cwd(), 'src/routes/api/v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function routeOperations(dir: string): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) found.push(...routeOperations(path));
		else if (entry.name === '+server.ts') {
			const route = '/' + relative(API_ROOT, dir).replace(/\[(\w+)\]/g, '{$1}');
			if (route === '/openapi.json') continue;
			const source = readFileSync(path, 'utf8');
			for (const method of METHODS) {
				if (new RegExp(`export const ${method}\\b`).test(source)) found.push(`${method} ${route}`);
			}
		}
	}
	return found.sort();
}

interface Operation {
	operationId: string;
	parameters?: { name: string; in: string }[];
	requestBody?: { content: Record<string, { schema: unknown }> };
	responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

const operations = Object.entries(openApiDocument.paths).flatMap(([path, ops]) =>
	Object.entries(ops as Record<string, Operation>).map(([method, op]) => ({ path, method, op }))
);

describe('OpenAPI document', () => {
	it('lists exactly the operations the /api/v1 routes implement', () => {
		const documented = operations
			.map(({ path, method }) => `${method.toUpperCase()} ${path}`)
			.sort();
		expect(documented).toEqual(routeOperations(API_ROOT));
	});

	it('is OpenAPI 3.1 and every $ref resolves', () => {
		expect(openApiDocument.openapi).toBe('3.1.0');
		const refs = JSON.stringify(openApiDocument).match(/"\$ref":"[^"]*"/g) ?? [];
		expect(refs.length).toBeGreaterThan(0);
		for (const ref of refs) {
			const [, name] = ref.match(/^"\$ref":"#\/components\/schemas\/(\w+)"$/) ?? [];
			expect(name, ref).toBeDefined();
			expect(openApiDocument.components.schemas).toHaveProperty(name);
		}
	});

	it('declares every path parameter, once, and gives every operation a unique id', () => {
		for (const { path, method, op } of operations) {
			const inPath = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
			const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
			expect(declared, `${method} ${path}`).toEqual(inPath);
		}
		const ids = operations.map(({ op }) => op.operationId);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('answers JSON with a schema for every response, errors in the one Error shape', () => {
		for (const { path, method, op } of operations) {
			const statuses = Object.keys(op.responses);
			expect(
				statuses.filter((s) => s.startsWith('2')),
				`${method} ${path}`
			).toHaveLength(1);
			expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(['401', '403']));
			if (op.requestBody)
				expect(statuses, `${method} ${path}`).toEqual(
					expect.arrayContaining(['400', '413', '422'])
				);
			for (const [status, response] of Object.entries(op.responses)) {
				const schema = response.content?.['application/json']?.schema;
				expect(schema, `${method} ${path} ${status}`).toBeDefined();
				if (!status.startsWith('2')) expect(schema).toEqual({ $ref: '#/components/schemas/Error' });
			}
		}
	});

	it('has component schemas that are valid JSON Schema 2020-12', () => {
		const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true });
		addFormats(ajv);
		// The document as one resource, so that the schemas' "#/components/schemas/…" references resolve.
		ajv.addKeyword('components');
		ajv.addSchema({ $id: 'openapi.json', components: openApiDocument.components });
		for (const [name, schema] of Object.entries(openApiDocument.components.schemas)) {
			expect(ajv.validateSchema(schema), `${name}: ${ajv.errorsText()}`).toBe(true);
			expect(
				() => ajv.compile({ $ref: `openapi.json#/components/schemas/${name}` }),
				name
			).not.toThrow();
		}
	});
});
