/** The part of autocannon 9's API the benchmarks use (the package ships no types). */
declare module 'autocannon' {
	import type { EventEmitter } from 'node:events';

	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		headers?: Record<string, string>;
		timeout?: number;
	}
	interface Histogram {
		average: number;
		p50: number;
		p90: number;
		p97_5: number;
		p99: number;
		max: number;
	}
	interface Result {
		requests: Histogram & { total: number };
		latency: Histogram;
		duration: number;
		errors: number;
		timeouts: number;
		non2xx: number;
		statusCodeStats: Record<string, { count: number }>;
	}
	interface Instance extends EventEmitter, PromiseLike<Result> {
		on(
			event: 'response',
			listener: (
				client: unknown,
				statusCode: number,
				resBytes: number,
				responseTime: number
			) => void
		): this;
	}
	function autocannon(options: Options): Instance;
	export default autocannon;
}
