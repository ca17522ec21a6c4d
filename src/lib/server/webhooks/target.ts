/**
 * Where a webhook may send (SSRF guard): an http(s) URL whose host resolves only to public
 * addresses, checked at creation and again at each delivery, which then connects to the very
 * address checked (no second lookup a DNS rebinding could answer differently).
 * `WEBHOOK_ALLOW_PRIVATE=1` lifts the address check (tests, and receivers on a private network).
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isForbiddenAddress } from './address';
import { REQUEST_TIMEOUT_MS } from './schedule';

export type TargetRefusal = 'scheme' | 'unresolved' | 'forbidden_address';

export interface Target {
	url: URL;
	address: string;
	family: 4 | 6;
}

const allowPrivate = () => process.env.WEBHOOK_ALLOW_PRIVATE === '1';

/** The URL's host resolved and checked; a refusal names why. */
export async function resolveTarget(raw: string): Promise<Target | { refused: TargetRefusal }> {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return { refused: 'scheme' };
	}
	if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password)
		return { refused: 'scheme' };
	const host = url.hostname.replace(/^\[|\]$/g, '');
	let addresses: { address: string; family: number }[];
	try {
		addresses = isIP(host)
			? [{ address: host, family: isIP(host) }]
			: await lookup(host, { all: true, verbatim: true });
	} catch {
		return { refused: 'unresolved' };
	}
	if (addresses.length === 0) return { refused: 'unresolved' };
	// Every address: a host that also resolves to a private one could be made to pick it.
	if (!allowPrivate() && addresses.some((a) => isForbiddenAddress(a.address)))
		return { refused: 'forbidden_address' };
	const [first] = addresses;
	return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

export interface PostResult {
	status: number | null;
	error: string | null;
}

/** POSTs `body` to the pinned address (Host and TLS name stay the URL's), within the timeout. */
export function postPinned(
	target: Target,
	body: string,
	headers: Record<string, string>
): Promise<PostResult> {
	const { url, address, family } = target;
	const client = url.protocol === 'https:' ? https : http;
	return new Promise((resolve) => {
		let settled = false;
		const done = (r: PostResult) => {
			if (settled) return;
			settled = true;
			resolve(r);
		};
		const request = client.request(
			url,
			{
				method: 'POST',
				headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
				timeout: REQUEST_TIMEOUT_MS,
				lookup: (_host, options, callback) => {
					if ((options as { all?: boolean }).all)
						(callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
							{ address, family }
						]);
					else callback(null, address, family);
				}
			},
			(response) => {
				// Only the status matters: the answer's body is never read.
				done({ status: response.statusCode ?? null, error: null });
				request.destroy();
			}
		);
		const timer = setTimeout(() => request.destroy(new Error('timeout')), REQUEST_TIMEOUT_MS);
		request.on('timeout', () => request.destroy(new Error('timeout')));
		request.on('error', (e) => done({ status: null, error: e.message.slice(0, 300) }));
		request.on('close', () => clearTimeout(timer));
		request.end(body);
	});
}
