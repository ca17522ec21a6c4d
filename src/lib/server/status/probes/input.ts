import { isIP } from 'node:net';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { flagSchema, parseInput } from '../../validation';

import { PROBE_METHODS } from '../../../domain/status';

export { PROBE_METHODS };

const blankIsAbsent = (v: unknown) => (v === '' || v === null ? undefined : v);
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const hostPattern =
	/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

function isWebUrl(value: string) {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

const common = {
	timeoutMs: int(100, 60_000).default(5000),
	intervalSeconds: int(10, 86_400).default(60),
	failuresBeforeDown: int(1, 10).default(3),
	degradedAboveMs: z.preprocess(blankIsAbsent, int(1, 60_000).optional()),
	enabled: flagSchema.default(true)
};

export const probeInputSchema = z
	.discriminatedUnion('kind', [
		z.object({
			kind: z.literal('http'),
			target: z.string().trim().max(2000).refine(isWebUrl),
			method: z.enum(PROBE_METHODS).default('GET'),
			expectedStatusMin: int(100, 599).default(200),
			expectedStatusMax: int(100, 599).default(299),
			keyword: z.preprocess(blankIsAbsent, z.string().max(200).optional()),
			...common
		}),
		z.object({
			kind: z.literal('tcp'),
			target: z
				.string()
				.trim()
				.refine((host) => hostPattern.test(host) || isIP(host) !== 0),
			port: int(1, 65_535),
			...common
		})
	])
	.superRefine((p, issue) => {
		const problem = (path: string) =>
			issue.addIssue({ code: 'custom', path: [path], message: path });
		if (p.timeoutMs >= p.intervalSeconds * 1000) problem('timeoutMs');
		if (p.degradedAboveMs !== undefined && p.degradedAboveMs >= p.timeoutMs)
			problem('degradedAboveMs');
		if (p.kind !== 'http') return;
		if (p.expectedStatusMin > p.expectedStatusMax) problem('expectedStatusMax');
		if (p.keyword && p.method === 'HEAD') problem('keyword');
	});

function messagesFor(input: unknown): Record<string, () => string> {
	const tcp = (input as { kind?: unknown } | null)?.kind === 'tcp';
	return {
		kind: m.validation_kind,
		target: tcp ? m.probe_invalid_host : m.probe_invalid_url,
		port: m.probe_invalid_port,
		method: m.probe_invalid_method,
		expectedStatusMin: m.probe_invalid_status,
		expectedStatusMax: m.probe_invalid_status,
		keyword: m.probe_invalid_keyword,
		timeoutMs: m.probe_invalid_timeout,
		intervalSeconds: m.probe_invalid_interval,
		failuresBeforeDown: m.probe_invalid_failures,
		degradedAboveMs: m.probe_invalid_degraded
	};
}

/** The stored columns: fields of the other kind go back to their defaults. */
export function probeValues(input: unknown) {
	const p = parseInput(probeInputSchema, input, messagesFor(input));
	const http = p.kind === 'http' ? p : undefined;
	return {
		kind: p.kind,
		target: p.target,
		port: p.kind === 'tcp' ? p.port : null,
		method: http?.method ?? 'GET',
		expectedStatusMin: http?.expectedStatusMin ?? 200,
		expectedStatusMax: http?.expectedStatusMax ?? 299,
		keyword: http?.keyword ?? null,
		timeoutMs: p.timeoutMs,
		intervalSeconds: p.intervalSeconds,
		failuresBeforeDown: p.failuresBeforeDown,
		degradedAboveMs: p.degradedAboveMs ?? null,
		enabled: p.enabled
	};
}
