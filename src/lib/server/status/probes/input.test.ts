import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../errors';
import { probeValues } from './input';

function fields(input: unknown): Record<string, string> {
	try {
		probeValues(input);
	} catch (e) {
		if (e instanceof ServiceError) return (e.details as { fields: Record<string, string> }).fields;
		throw e;
	}
	throw new Error('expected a refusal');
}

const http = {
	kind: 'http',
	target: 'https://example.test/health',
	timeoutMs: '2000',
	intervalSeconds: '30'
};

describe('probe input', () => {
	it('reads a form: numbers from strings, blanks as absent, defaults for the rest', () => {
		expect(probeValues({ ...http, keyword: '', degradedAboveMs: '' })).toEqual({
			kind: 'http',
			target: 'https://example.test/health',
			port: null,
			method: 'GET',
			expectedStatusMin: 200,
			expectedStatusMax: 299,
			keyword: null,
			timeoutMs: 2000,
			intervalSeconds: 30,
			failuresBeforeDown: 3,
			degradedAboveMs: null,
			enabled: true
		});
	});

	it('drops the HTTP fields of a TCP probe', () => {
		const tcp = probeValues({
			kind: 'tcp',
			target: 'db.example.test',
			port: '5432',
			method: 'junk',
			keyword: 'x',
			enabled: false
		});
		expect(tcp).toMatchObject({
			kind: 'tcp',
			port: 5432,
			method: 'GET',
			keyword: null,
			enabled: false
		});
		expect(probeValues({ kind: 'tcp', target: '::1', port: 22 }).target).toBe('::1');
	});

	it('bounds the interval, timeout, failures and port', () => {
		expect(Object.keys(fields({ ...http, intervalSeconds: '9' }))).toEqual(['intervalSeconds']);
		expect(Object.keys(fields({ ...http, intervalSeconds: '86401' }))).toEqual(['intervalSeconds']);
		expect(Object.keys(fields({ ...http, timeoutMs: '99' }))).toEqual(['timeoutMs']);
		expect(Object.keys(fields({ ...http, intervalSeconds: '10', timeoutMs: '10000' }))).toEqual([
			'timeoutMs'
		]);
		expect(Object.keys(fields({ ...http, failuresBeforeDown: '11' }))).toEqual([
			'failuresBeforeDown'
		]);
		expect(Object.keys(fields({ kind: 'tcp', target: 'h.test', port: '70000' }))).toEqual(['port']);
		expect(Object.keys(fields({ kind: 'tcp', target: 'h.test' }))).toEqual(['port']);
	});

	it('checks the status range, method, keyword and degraded threshold', () => {
		expect(
			Object.keys(fields({ ...http, expectedStatusMin: '300', expectedStatusMax: '299' }))
		).toEqual(['expectedStatusMax']);
		expect(Object.keys(fields({ ...http, expectedStatusMin: '99' }))).toEqual([
			'expectedStatusMin'
		]);
		expect(Object.keys(fields({ ...http, method: 'DELETE' }))).toEqual(['method']);
		expect(Object.keys(fields({ ...http, method: 'HEAD', keyword: 'ok' }))).toEqual(['keyword']);
		expect(Object.keys(fields({ ...http, degradedAboveMs: '2000' }))).toEqual(['degradedAboveMs']);
	});

	it('wants an http(s) URL for HTTP and a host for TCP, each with its own message', () => {
		const url = fields({ ...http, target: 'ftp://example.test' }).target;
		const host = fields({ kind: 'tcp', target: 'not a host', port: '22' }).target;
		expect(url).toBeTruthy();
		expect(host).toBeTruthy();
		expect(url).not.toBe(host);
		expect(Object.keys(fields({ ...http, target: 'example.test' }))).toEqual(['target']);
		expect(Object.keys(fields({ ...http, kind: 'ping' }))).toEqual(['kind']);
	});
});
