import type { PeriodicJob } from '../jobs/registry';
import { childLog } from '../log';
import { deliverDueWebhooks } from './deliver';
import { fanOutEvents } from './fanout';

/**
 * Webhooks' periodic jobs: the fan-out (one node at a time, it moves the shared cursor) and the
 * delivery drain, which runs in the background like the mail queue's, so a slow receiver
 * (up to its 10 s timeout) delays neither the other jobs nor the next fan-out. Every node
 * drains; claims keep each delivery to one of them.
 */
export function webhookJobs(): PeriodicJob[] {
	let running: Promise<void> | undefined;
	let again = false;
	let closed = false;
	const drain = () => {
		if (closed) return;
		if (running) {
			again = true;
			return;
		}
		again = false;
		running = deliverDueWebhooks()
			.then(
				() => undefined,
				(e) => childLog({ module: 'jobs', job: 'webhooks' }).error({ err: e }, 'drain failed')
			)
			.finally(() => {
				running = undefined;
				if (again) drain();
			});
	};
	return [
		{
			name: 'webhook fan-out',
			intervalMs: 1000,
			lockKey: 1101,
			run: async () => {
				if ((await fanOutEvents()) > 0) drain();
			}
		},
		{
			name: 'webhook deliveries',
			intervalMs: 1000,
			run: async () => drain(),
			close: () => {
				closed = true;
			},
			drain: async () => {
				await running;
			}
		}
	];
}
