/** autocannon, plus our own latency percentiles (its histogram has p97.5 but no p95). */
import autocannon from 'autocannon';
import { percentile } from './harness';

export interface LoadResult {
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	/** Responses other than 2xx, plus connection errors and timeouts. */
	failures: number;
	statusCodes: string;
}

export async function load(
	url: string,
	options: { connections?: number; seconds?: number; headers?: Record<string, string> } = {}
): Promise<LoadResult> {
	const latencies: number[] = [];
	const instance = autocannon({
		url,
		connections: options.connections ?? 20,
		duration: options.seconds ?? 10,
		headers: options.headers
	});
	instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
	const result = await instance;
	return {
		rps: result.requests.total / result.duration,
		p50: percentile(latencies, 0.5),
		p95: percentile(latencies, 0.95),
		p99: percentile(latencies, 0.99),
		failures: result.non2xx + result.errors + result.timeouts,
		statusCodes: Object.entries(result.statusCodeStats)
			.map(([code, { count }]) => `${code}×${count}`)
			.join(' ')
	};
}
