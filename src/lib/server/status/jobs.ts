import type { PeriodicJob } from '../jobs/registry';
import { createProbeScheduler } from './probes/scheduler';
import { applyRetention } from './retention';
import { sweepSilentComponents } from './store';

/**
 * Monitoring's periodic jobs: the probe loop (every second; each node claims its own due probes,
 * so no lock), the silence sweep (every 5 s) and retention (hourly, and once at start).
 */
export function statusJobs(): PeriodicJob[] {
	const probes = createProbeScheduler();
	return [
		{
			name: 'probes',
			intervalMs: 1000,
			run: () => probes.tick(),
			close: () => probes.close(),
			drain: () => probes.drain()
		},
		{ name: 'silence sweep', intervalMs: 5000, lockKey: 1, run: () => sweepSilentComponents() },
		{ name: 'retention', intervalMs: 3_600_000, lockKey: 2, run: () => applyRetention() }
	];
}
