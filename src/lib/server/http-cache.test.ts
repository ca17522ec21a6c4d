import { describe, expect, it } from 'vitest';
import { cachedResponse } from './http-cache';

describe('cachedResponse (public status page: a cacheable server render)', () => {
	it('renders once per key and half second, and serves copies', async () => {
		let renders = 0;
		const render = async () =>
			new Response(`page ${++renders}`, { headers: { 'content-type': 'text/html' } });
		const first = await cachedResponse('fr /status', render, 1000);
		const second = await cachedResponse('fr /status', render, 1400);
		expect([await first.text(), await second.text()]).toEqual(['page 1', 'page 1']);
		expect(second.headers.get('content-type')).toBe('text/html');
		expect(await (await cachedResponse('en /status', render, 1400)).text()).toBe('page 2');
		expect(await (await cachedResponse('fr /status', render, 2600)).text()).toBe('page 3');
	});

	it('never keeps an error or a response that sets a cookie', async () => {
		let renders = 0;
		const failing = async () => new Response('oops', { status: 500 });
		const cookie = async () => new Response(`c${++renders}`, { headers: { 'set-cookie': 'a=b' } });
		expect((await cachedResponse('x', failing, 0)).status).toBe(500);
		await cachedResponse('y', cookie, 0);
		expect(await (await cachedResponse('y', cookie, 10)).text()).not.toBe('c1');
	});
});
