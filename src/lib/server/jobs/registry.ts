import type postgres from 'postgres';
import { getSql } from '../db';
import { childLog } from '../log';

/**
 * A periodic job of this node. Each domain defines its own (`status/jobs.ts`,
 * `incidents/jobs.ts`); `hooks.server.ts` hands them to `startJobs`.
 */
export interface PeriodicJob {
	/** Names the job in the logs. */
	name: string;
	/**
	 * Runs at the first step, then at the first step that begins this long after its last run
	 * began; at every step when no longer than a step.
	 */
	intervalMs: number;
	/**
	 * Key of a two-key advisory lock (class `JOB_LOCK_CLASS`), unique among the jobs: one node at
	 * a time runs the job and the others skip that run. Absent: every node runs it.
	 */
	lockKey?: number;
	run(): Promise<unknown>;
	/** On stop, at once, while a run may be under way: take on no more work. */
	close?(): void;
	/** On stop, after the last run: finish what is left. */
	drain?(): Promise<unknown>;
}

/** A step starts this long after the previous one ended. */
const TICK_MS = 1000;
/** A key space apart from the single-key locks of status/store.ts. */
export const JOB_LOCK_CLASS = 7301;

/** start.ts awaits the function stored here before stopping the embedded database. */
export const JOBS_KEY = Symbol.for('hosting-portal.jobs');

/**
 * Runs `job` only if no other node holds the lock; skipped (undefined) otherwise. The lock is a
 * transaction-level one, held by a transaction of the pool left open while the job runs: it is
 * released by the commit, or by PostgreSQL itself if the connection dies. No reserved
 * connection (`sql.reserve()`): postgres.js 3.4 crashes the process (`Cannot read properties of
 * null (reading 'write')` in `nextWrite`) when a reserved connection is lost under load, e.g. at
 * a PostgreSQL restart.
 */
async function exclusively<T>(
	sql: postgres.Sql,
	key: number,
	job: () => Promise<T>
): Promise<T | undefined> {
	let result: T | undefined;
	await sql.begin(async (tx) => {
		const [{ locked }] =
			await tx`select pg_try_advisory_xact_lock(${JOB_LOCK_CLASS}, ${key}) as locked`;
		if (!locked) return;
		result = await job();
	});
	return result;
}

async function logged(name: string, job: () => Promise<unknown>) {
	try {
		await job();
	} catch (e) {
		childLog({ module: 'jobs', job: name }).error({ err: e }, 'job failed');
	}
}

/**
 * Runs `jobs` one step at a time, each due job after the other in their order; a job's failure
 * is logged and never stops the others. Returns the function that stops them: it closes every
 * job, lets the step under way end, then drains them.
 */
export function runJobs(
	jobs: readonly PeriodicJob[],
	sql: postgres.Sql = getSql()
): () => Promise<void> {
	const keys = jobs.flatMap((j) => (j.lockKey === undefined ? [] : [j.lockKey]));
	if (new Set(keys).size !== keys.length)
		throw new Error(`two periodic jobs share a lock key: ${keys.join(', ')}`);
	const lastRun = new Map<PeriodicJob, number>();
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let running: Promise<void> = Promise.resolve();

	const step = async () => {
		for (const job of jobs) {
			const now = performance.now();
			const last = lastRun.get(job);
			if (last !== undefined && job.intervalMs > TICK_MS && now - last < job.intervalMs) continue;
			lastRun.set(job, now);
			const key = job.lockKey;
			await logged(job.name, () =>
				key === undefined ? job.run() : exclusively(sql, key, () => job.run())
			);
		}
	};
	const schedule = () => {
		timer = setTimeout(() => {
			running = step().finally(() => {
				if (!stopped) schedule();
			});
		}, TICK_MS);
	};
	schedule();

	return async () => {
		stopped = true;
		clearTimeout(timer);
		for (const job of jobs) job.close?.();
		await running;
		for (const job of jobs) if (job.drain) await logged(job.name, () => job.drain!());
	};
}

let stopRunning: (() => Promise<void>) | undefined;

/**
 * Starts this node's periodic jobs, once: while they run, another call does nothing. Jobs left
 * running by an earlier copy of this module (a reloaded bundle) are stopped first.
 */
export async function startJobs(jobs: readonly PeriodicJob[]): Promise<void> {
	const shared = globalThis as Record<symbol, (() => Promise<void>) | undefined>;
	const previous = shared[JOBS_KEY];
	if (previous && previous !== stopJobs) await previous();
	if (stopRunning) return;
	stopRunning = runJobs(jobs);
	shared[JOBS_KEY] = stopJobs;
}

/** Stops the jobs and waits for the run under way; nothing to do when none run. */
export async function stopJobs(): Promise<void> {
	const stop = stopRunning;
	stopRunning = undefined;
	await stop?.();
}
