import { describe, expect, it } from 'vitest';
import { isApiPath } from './request-path';

describe('isApiPath (Origin check and bearer auth keyed on the routed path)', () => {
	it.each([
		'/api/v1/clients',
		'/%61pi/v1/clients',
		'/%61%70%69/v1',
		'/API/v1',
		'//api/v1',
		'/api',
		'/%E0%A4%A'
	])('%s is the API', (path) => expect(isApiPath(path)).toBe(true));

	it.each(['/', '/app/acme', '/apis', '/login', '/app/api/x', '/%2561pi/v1'])(
		'%s is not the API',
		(path) => expect(isApiPath(path)).toBe(false)
	);
});
