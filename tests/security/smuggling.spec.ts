import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { baseURL } from './helpers';

/**
 * HTTP request smuggling: a request whose length is ambiguous (Content-Length and
 * Transfer-Encoding together, two lengths, obfuscated encodings, bare LF) is answered 400 or
 * the connection is closed, and the request hidden in its body is never processed. Sent over a
 * raw socket, since HTTP clients refuse to send such requests.
 */

const { hostname, port, host } = new URL(baseURL);
/** The request hidden in the body: if it is ever answered, the server read the body as a new request. */
const SMUGGLED = `GET /healthz?smuggled=1 HTTP/1.1\r\nHost: ${host}\r\n\r\n`;

function exchange(payload: string, timeoutMs = 3000): Promise<string> {
	return new Promise((resolve) => {
		const socket = connect(Number(port), hostname);
		let received = '';
		const done = () => {
			socket.destroy();
			resolve(received);
		};
		socket.setTimeout(timeoutMs, done);
		socket.on('data', (chunk) => (received += chunk.toString('latin1')));
		socket.on('close', done);
		socket.on('error', done);
		socket.write(payload);
	});
}

const statuses = (raw: string) =>
	[...raw.matchAll(/HTTP\/1\.[01] (\d{3}) /g)].map((m) => Number(m[1]));

const post = (path: string, headers: string, body: string) =>
	`POST ${path} HTTP/1.1\r\nHost: ${host}\r\n${headers}\r\n${body}`;

const CASES: [string, string][] = [
	[
		'CL.TE',
		post(
			'/api/v1/samples',
			'Content-Type: application/json\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n',
			`0\r\n\r\n${SMUGGLED}`
		)
	],
	[
		'TE.CL',
		post(
			'/api/v1/samples',
			'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n',
			`5c\r\nGPOST / HTTP/1.1\r\n\r\n0\r\n\r\n${SMUGGLED}`
		)
	],
	[
		'two Content-Length',
		post('/login', `Content-Length: 0\r\nContent-Length: ${SMUGGLED.length}\r\n`, SMUGGLED)
	],
	['Content-Length list', post('/login', `Content-Length: 0, ${SMUGGLED.length}\r\n`, SMUGGLED)],
	[
		'TE obfuscated (xchunked)',
		post(
			'/login',
			`Content-Length: ${5 + SMUGGLED.length}\r\nTransfer-Encoding: xchunked\r\n`,
			`0\r\n\r\n${SMUGGLED}`
		)
	],
	[
		'TE with space before colon',
		post('/login', 'Content-Length: 5\r\nTransfer-Encoding : chunked\r\n', `0\r\n\r\n${SMUGGLED}`)
	],
	[
		'TE twice',
		post(
			'/login',
			'Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n',
			`0\r\n\r\n${SMUGGLED}`
		)
	],
	[
		'TE chunked, identity',
		post('/login', 'Transfer-Encoding: chunked, identity\r\n', `0\r\n\r\n${SMUGGLED}`)
	],
	[
		'TE with tab',
		post('/login', 'Content-Length: 5\r\nTransfer-Encoding:\tchunked\r\n', `0\r\n\r\n${SMUGGLED}`)
	],
	['Content-Length +0', post('/login', 'Content-Length: +0\r\n', SMUGGLED)],
	['Content-Length -1', post('/login', 'Content-Length: -1\r\n', SMUGGLED)],
	[
		'bare LF',
		`POST /login HTTP/1.1\nHost: ${host}\nContent-Length: 0\nTransfer-Encoding: chunked\n\n0\n\n${SMUGGLED}`
	],
	[
		'chunk extension with bare LF',
		post('/login', 'Transfer-Encoding: chunked\r\n', `0;x\n${SMUGGLED}0\r\n\r\n`)
	],
	[
		'header folding',
		post(
			'/login',
			'Content-Length: 0\r\nX-Folded: a\r\n Transfer-Encoding: chunked\r\n',
			`0\r\n\r\n${SMUGGLED}`
		)
	]
];

test('a control pipeline of two requests gets two answers (the probe works)', async () => {
	const raw = await exchange(
		`GET /healthz HTTP/1.1\r\nHost: ${host}\r\n\r\n${SMUGGLED.replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n')}`
	);
	expect(statuses(raw)).toEqual([200, 200]);
});

for (const [name, payload] of CASES) {
	test(`ambiguous length: ${name} → 400 or closed, the hidden request never runs`, async () => {
		const raw = await exchange(payload);
		const answered = statuses(raw);
		expect(answered.length, raw).toBeLessThanOrEqual(1);
		if (answered.length === 1) expect(answered[0], raw).toBe(400);
		expect(raw).not.toContain('"db":"ok"');
	});
}

test('the server still answers normally after the attempts', async ({ request }) => {
	expect((await request.get('/healthz')).status()).toBe(200);
});
