import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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

describe('OpenAPI document', () => {
	it('lists exactly the operations the /api/v1 routes implement', () => {
		const documented = Object.entries(openApiDocument.paths)
			.flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
			.sort();
		expect(documented).toEqual(routeOperations(API_ROOT));
	});

	it('is OpenAPI 3.1 and every $ref resolves', () => {
		expect(openApiDocument.openapi).toBe('3.1.0');
		const refs = JSON.stringify(openApiDocument).match(/#\/components\/schemas\/\w+/g) ?? [];
		for (const ref of refs) {
			const name = ref.split('/').pop()!;
			expect(openApiDocument.components.schemas).toHaveProperty(name);
		}
	});
});
