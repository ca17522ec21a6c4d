import type postgres from 'postgres';
import type { SampleStatus } from '../../db/schema';
import { getSql } from '../../db';
import type { ResolvedSample } from '../samples-input';
import { storeSamples } from '../store';
import { runCheck, type ProbeTarget } from './run';
import { verdict, type CheckResult } from './verdict';

/** Checks running at once on one node; each tick claims only what fits. */
const MAX_IN_FLIGHT = 50;

interface Claimed extends ProbeTarget {
	id: string;
	componentId: string;
}

interface Finished {
	probe: Claimed;
	at: Date;
	result: CheckResult;
}

export interface ProbeScheduler {
	/** Stores the checks finished since the last tick (one batch), then claims and starts the due ones (their count). */
	tick(): Promise<number>;
	/** Waits for the checks in flight and stores them. */
	drain(): Promise<void>;
	/** For good: interrupts the checks in flight (their results are dropped) and claims nothing more. */
	close(): void;
}

/**
 * Checks run in the background, so one probe waiting for its timeout never delays the
 * others; the claim pushes `next_run_at` forward in the same statement, so with several
 * nodes each due probe is taken by exactly one of them.
 */
export function createProbeScheduler(
	sql: postgres.Sql = getSql(),
	maxInFlight = MAX_IN_FLIGHT
): ProbeScheduler {
	const inFlight = new Set<Promise<void>>();
	let finished: Finished[] = [];
	const stop = new AbortController();

	const start = (probe: Claimed) => {
		const at = new Date();
		const run = runCheck(probe, stop.signal).then((result) => {
			if (result.error !== 'aborted') finished.push({ probe, at, result });
		});
		inFlight.add(run);
		void run.finally(() => inFlight.delete(run));
	};

	const flush = async () => {
		const batch = finished;
		finished = [];
		if (batch.length > 0) await storeSamples(await recordResults(sql, batch));
	};

	return {
		async tick() {
			await flush();
			const room = maxInFlight - inFlight.size;
			if (room <= 0 || stop.signal.aborted) return 0;
			const claimed = await claimDue(sql, room);
			for (const probe of claimed) start(probe);
			return claimed.length;
		},
		async drain() {
			await Promise.all(inFlight);
			await flush();
		},
		close() {
			stop.abort();
		}
	};
}

async function claimDue(sql: postgres.Sql, limit: number): Promise<Claimed[]> {
	const rows = await sql`
		update probe set next_run_at = now() + make_interval(secs => interval_seconds)
		where id in (
			select id from probe where enabled and next_run_at <= now()
			order by next_run_at limit ${limit} for update skip locked)
		returning id, component_id, kind, target, port, method, expected_status_min, expected_status_max, keyword, timeout_ms`;
	return rows.map((r) => ({
		id: r.id,
		componentId: r.component_id,
		kind: r.kind,
		target: r.target,
		port: r.port,
		method: r.method,
		expectedStatusMin: r.expected_status_min,
		expectedStatusMax: r.expected_status_max,
		keyword: r.keyword,
		timeoutMs: r.timeout_ms
	}));
}

/**
 * Folds the results into the probe rows, read locked and fresh so the failure count is
 * right even if the probe was edited meanwhile; returns the samples of probes that still exist.
 */
async function recordResults(sql: postgres.Sql, batch: Finished[]): Promise<ResolvedSample[]> {
	batch.sort((a, b) => a.at.getTime() - b.at.getTime());
	return sql.begin(async (tx) => {
		const ids = [...new Set(batch.map((f) => f.probe.id))];
		const current = await tx`
			select id, consecutive_failures, last_status, failures_before_down, degraded_above_ms
			from probe where id in ${tx(ids)} order by id for update`;
		const rows = new Map(current.map((r) => [r.id as string, r]));
		const updates = new Map<string, Record<string, unknown>>();
		const samples: ResolvedSample[] = [];
		for (const { probe, at, result } of batch) {
			const row = rows.get(probe.id);
			if (!row) continue;
			const v = verdict(
				{
					consecutiveFailures: row.consecutive_failures,
					lastStatus: row.last_status as SampleStatus | null
				},
				result,
				{ failuresBeforeDown: row.failures_before_down, degradedAboveMs: row.degraded_above_ms }
			);
			row.consecutive_failures = v.consecutiveFailures;
			row.last_status = v.status;
			updates.set(probe.id, {
				id: probe.id,
				consecutive_failures: v.consecutiveFailures,
				last_status: v.status,
				last_run_at: at.toISOString(),
				last_error: result.error ?? null
			});
			samples.push({
				componentId: probe.componentId,
				at,
				status: v.status,
				latencyMs: result.ok ? result.latencyMs : undefined
			});
		}
		if (updates.size > 0) {
			await tx`
				update probe p set consecutive_failures = x.consecutive_failures, last_status = x.last_status,
					last_run_at = x.last_run_at, last_error = x.last_error
				from jsonb_to_recordset(${JSON.stringify([...updates.values()])}::text::jsonb)
					as x(id uuid, consecutive_failures int, last_status text, last_run_at timestamptz, last_error text)
				where p.id = x.id`;
		}
		return samples;
	});
}
