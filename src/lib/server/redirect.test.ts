import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect';

const origin = 'http://portal.test';
const go = (target: string | null) => safeRedirectTarget(target, origin, '/landing');

describe('safeRedirectTarget (open redirect after sign-in / language switch)', () => {
	it('keeps a path of the portal, with its query and hash', () => {
		expect(go('/staff/clients')).toBe('/staff/clients');
		expect(go('/app/acme/incidents?status=open#top')).toBe('/app/acme/incidents?status=open#top');
		expect(go(`${origin}/staff`)).toBe('/staff');
	});

	it.each([
		['/\t/evil.example'],
		['/\n/evil.example'],
		['/\r\n/evil.example'],
		['/\\evil.example'],
		['\\\\evil.example'],
		['//evil.example'],
		['///evil.example'],
		['/.//evil.example'],
		['/%2e//evil.example'],
		['https://evil.example/'],
		['http://portal.test.evil.example/'],
		['http://portal.test:8080/'],
		['javascript:alert(1)'],
		['data:text/html,x'],
		[' //evil.example'],
		['\t//evil.example']
	])('sends %j to the landing page', (target) => {
		expect(go(target)).toBe('/landing');
	});

	it('turns a non-ASCII path into a percent-encoded one (a valid Location header, not a 500)', () => {
		expect(go('/\u3002evil.example')).toBe('/%E3%80%82evil.example');
		expect(go('/é?q=ü')).toBe('/%C3%A9?q=%C3%BC');
	});

	it('gives the fallback for nothing at all', () => {
		expect(go(null)).toBe('/landing');
		expect(go('')).toBe('/landing');
	});
});
