import type { PeriodicJob } from '../jobs/registry';
import { childLog } from '../log';
import { deliverQueuedMail, onMailQueued } from './mailer';

/**
 * Sends the mail queue in the background: a run (every step) or a nudge (a request queued mail)
 * starts a drain unless one is under way, and never waits for it, so a slow SMTP server delays
 * neither requests nor the other jobs. Every node drains; the claim keeps each mail to one of them.
 */
export function mailJobs(): PeriodicJob[] {
	let running: Promise<void> | undefined;
	let again = false;
	let closed = false;
	const start = () => {
		if (closed) return;
		if (running) {
			again = true;
			return;
		}
		again = false;
		running = deliverQueuedMail()
			.then(
				() => undefined,
				(e) => childLog({ module: 'jobs', job: 'mail' }).error({ err: e }, 'mail drain failed')
			)
			.finally(() => {
				running = undefined;
				if (again) start();
			});
	};
	onMailQueued(start);
	return [
		{
			name: 'mail',
			intervalMs: 1000,
			run: async () => start(),
			close: () => {
				closed = true;
				onMailQueued(undefined);
			},
			drain: async () => {
				await running;
			}
		}
	];
}
