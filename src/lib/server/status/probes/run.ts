import { connect } from 'node:net';
import type { Probe } from '../../db/schema';
import type { CheckResult } from './verdict';

export type ProbeTarget = Pick<
	Probe,
	| 'kind'
	| 'target'
	| 'port'
	| 'method'
	| 'expectedStatusMin'
	| 'expectedStatusMax'
	| 'keyword'
	| 'timeoutMs'
>;

/** A keyword is looked for in the first MiB of the body: enough for a health page, bounded for a huge one. */
export const KEYWORD_SCAN_BYTES = 1024 * 1024;

/**
 * Runs one check. `stop` aborts it early (shutdown); the caller then discards the result,
 * since an interrupted check says nothing about the target.
 */
export async function runCheck(probe: ProbeTarget, stop?: AbortSignal): Promise<CheckResult> {
	const timeout = AbortSignal.timeout(probe.timeoutMs);
	const signal = stop ? AbortSignal.any([timeout, stop]) : timeout;
	const started = performance.now();
	const elapsed = () => Math.round(performance.now() - started);
	try {
		const error =
			probe.kind === 'http' ? await httpCheck(probe, signal) : await tcpCheck(probe, signal);
		return error ? { ok: false, latencyMs: elapsed(), error } : { ok: true, latencyMs: elapsed() };
	} catch (e) {
		return { ok: false, latencyMs: elapsed(), error: failureCode(e, timeout) };
	}
}

/** Resolves to an error code, or undefined when the answer is as expected. */
async function httpCheck(probe: ProbeTarget, signal: AbortSignal): Promise<string | undefined> {
	const response = await fetch(probe.target, {
		method: probe.method,
		signal,
		headers: { 'user-agent': 'hosting-portal-probe/1' }
	});
	if (response.status < probe.expectedStatusMin || response.status > probe.expectedStatusMax) {
		await response.body?.cancel();
		return `status:${response.status}`;
	}
	if (!probe.keyword) {
		await response.body?.cancel();
		return undefined;
	}
	return (await bodyContains(response, probe.keyword)) ? undefined : 'keyword';
}

async function bodyContains(response: Response, keyword: string): Promise<boolean> {
	if (!response.body) return false;
	const reader = response.body.getReader();
	const decoder = new TextDecoder();
	let text = '';
	let bytes = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return text.includes(keyword);
		bytes += value.byteLength;
		text += decoder.decode(value, { stream: true });
		if (text.includes(keyword) || bytes >= KEYWORD_SCAN_BYTES) {
			await reader.cancel();
			return text.includes(keyword);
		}
	}
}

function tcpCheck(probe: ProbeTarget, signal: AbortSignal): Promise<undefined> {
	return new Promise((resolve, reject) => {
		const socket = connect({ host: probe.target, port: probe.port ?? 0, signal });
		socket.once('connect', () => {
			socket.destroy();
			resolve(undefined);
		});
		socket.once('error', (e) => {
			socket.destroy();
			reject(e);
		});
	});
}

/** `timeout`, `aborted` (shutdown) or `network[:CODE]` (refused, DNS, TLS…). */
function failureCode(error: unknown, timeout: AbortSignal): string {
	if (timeout.aborted) return 'timeout';
	const name = (error as { name?: string })?.name;
	if (name === 'AbortError') return 'aborted';
	const code = errorCode(error) ?? errorCode((error as { cause?: unknown })?.cause);
	return code ? `network:${code}` : 'network';
}

function errorCode(error: unknown): string | undefined {
	const code = (error as { code?: unknown })?.code;
	return typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? code : undefined;
}
