/**
 * Shared by the benchmarks: a throwaway embedded PostgreSQL plus the production server
 * started exactly as `npm start` starts it (src/cli/start.ts), driven over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase } from '../../src/lib/server/db/embedded';

export const DEMO_PASSWORD = 'demo-password';
export const INGEST_TOKEN = 'demo-ingest-token';
export const SESSION_COOKIE = 'portal_session';
export const DEMO_COMPONENTS: Record<string, string[]> = {
	acme: ['web-1', 'db-1', 'extranet', 'backup'],
	globex: ['erp-1', 'erp', 'vpn'],
	initech: ['srv-1', 'dossier-patient', 'sauvegarde']
};

/** One figure of the final table. */
export interface Figure {
	bench: string;
	metric: string;
	value: string;
	target?: string;
	/** Whether the target is met; undefined when there is none. */
	ok?: boolean;
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
/**
 * CLOCK_MONOTONIC, one clock for every process: `performance.timeOrigin` is the wall clock read at
 * each process's start, so a clock step between two starts skewed cross-process latencies.
 */
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export function percentile(xs: number[], p: number): number {
	if (xs.length === 0) return NaN;
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export const ms = (x: number) => `${x.toFixed(1)} ms`;
/** Also for arrays too long to spread into Math.max. */
export const maxOf = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), -Infinity);
export const spread = (xs: number[]) =>
	`p50 ${ms(percentile(xs, 0.5))} · p95 ${ms(percentile(xs, 0.95))} · p99 ${ms(percentile(xs, 0.99))} · max ${ms(maxOf(xs))}`;

export function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => done(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export interface Portal {
	url: string;
	databaseUrl: string;
	/** Resident memory of the server process (start.ts runs the HTTP and Socket.IO server itself). */
	rssMb(): number;
	/** CPU seconds used so far by the server process and by PostgreSQL (all its processes). */
	cpu(): { server: number; postgres: number };
	/** The server's log so far (JSON lines). */
	log(): string;
	stop(): Promise<void>;
}

const TICKS_PER_SECOND = 100;

/** utime + stime (+ the reaped children's, for the postmaster) from /proc/<pid>/stat. */
export function cpuSeconds(pid: number, withChildren = false): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		const ticks =
			Number(fields[11]) +
			Number(fields[12]) +
			(withChildren ? Number(fields[13]) + Number(fields[14]) : 0);
		return ticks / TICKS_PER_SECOND;
	} catch {
		return 0;
	}
}

function postgresCpu(dataDir: string): number {
	const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
	let total = cpuSeconds(postmaster, true);
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			if (Number(stat.split(') ')[1].split(' ')[1]) === postmaster)
				total += cpuSeconds(Number(entry));
		} catch {
			// The process ended meanwhile.
		}
	}
	return total;
}

/** Share of one core used between two cpu() readings over `seconds`. */
export function cpuShare(
	before: { server: number; postgres: number },
	after: { server: number; postgres: number },
	seconds: number
) {
	const pct = (x: number) => `${Math.round((x / seconds) * 100)} %`;
	return `server ${pct(after.server - before.server)} · postgres ${pct(after.postgres - before.postgres)} of one core`;
}

const exited = (child: ChildProcess) =>
	new Promise<void>((done) =>
		child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done())
	);

/**
 * Boots a fresh database and the production server on it, seeded with the demo data.
 * `BENCH_CPU_PROF=1` makes the server write V8 CPU profiles into $TMPDIR/portal-bench-profiles/<name>/ on exit.
 */
export async function bootPortal(
	name: string,
	extraEnv: Record<string, string> = {}
): Promise<Portal> {
	const root = mkdtempSync(join(tmpdir(), `portal-bench-${name}-`));
	const database = await startEmbeddedDatabase(join(root, 'pg'), 'bench');
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	// One profile per thread (tsx's loader runs in its own): the main thread's is the largest.
	const profileDir = join(tmpdir(), 'portal-bench-profiles', name);
	const profile =
		process.env.BENCH_CPU_PROF === '1' ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
	if (profile.length > 0)
		console.log(`[bench] ${name}: the server's CPU profiles go to ${profileDir}`);
	const logPath = join(root, 'server.log');
	const log = createWriteStream(logPath);
	const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/cli/start.ts'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			DATABASE_URL: database.url,
			SEED_DEMO: '1',
			DEMO_SIMULATOR: '0',
			...extraEnv
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.pipe(log);
	child.stderr!.pipe(log);
	const cleanup = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			await exited(child);
		}
		await database.stop();
		rmSync(root, { recursive: true, force: true });
	};
	try {
		await new Promise<void>((ready, fail) => {
			const timer = setTimeout(() => fail(new Error('server did not start within 180 s')), 180_000);
			child.stdout!.on('data', (chunk: Buffer) => {
				const text = chunk.toString();
				// The structured log (pino JSON), or its pretty form under LOG_PRETTY=1.
				if (text.includes('"msg":"listening') || text.includes('[portal] listening')) {
					clearTimeout(timer);
					ready();
				}
			});
			child.once('exit', (code) => {
				clearTimeout(timer);
				const output = readFileSync(logPath, 'utf8');
				fail(
					new Error(
						`server exited with ${code}:\n${output.length > 4000 ? `${output.slice(0, 2000)}\n…\n${output.slice(-2000)}` : output}`
					)
				);
			});
		});
	} catch (e) {
		await cleanup();
		throw e;
	}
	return {
		url,
		databaseUrl: database.url,
		cpu: () => ({ server: cpuSeconds(child.pid!), postgres: postgresCpu(join(root, 'pg')) }),
		rssMb: () =>
			Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) /
			1024,
		log: () => readFileSync(logPath, 'utf8'),
		stop: cleanup
	};
}

/** Signs in through the login form, like a browser; returns the session cookie (`name=value`). */
export async function signIn(url: string, email = 'viewer@acme.test'): Promise<string> {
	const response = await fetch(`${url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			accept: 'text/html',
			origin: url,
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password: DEMO_PASSWORD })
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
	if (response.status !== 303 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
	return cookie.split(';')[0];
}

export interface SampleBody {
	client: string;
	component: string;
	at: string;
	status: 'up' | 'degraded' | 'down';
	[metric: string]: string | number;
}

/** POST /api/v1/samples; throws unless 202. */
export async function postSamples(
	url: string,
	samples: SampleBody[] | string,
	token = INGEST_TOKEN
): Promise<{ accepted: number; duplicates: number }> {
	const response = await fetch(`${url}/api/v1/samples`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: typeof samples === 'string' ? samples : JSON.stringify({ samples })
	});
	if (response.status !== 202)
		throw new Error(
			`ingestion answered ${response.status}: ${(await response.text()).slice(0, 500)}`
		);
	return response.json();
}

/** Realistic agent metrics for one sample. */
export function metrics(rng = Math.random): Record<string, number> {
	return {
		latencyMs: Math.round(20 + rng() * 80),
		cpuPct: Math.round(rng() * 1000) / 10,
		ramPct: Math.round((40 + rng() * 40) * 10) / 10,
		diskPct: Math.round((50 + rng() * 10) * 10) / 10,
		netInBps: Math.round(rng() * 5_000_000),
		netOutBps: Math.round(rng() * 2_000_000),
		load1: Math.round(rng() * 400) / 100,
		iowaitPct: Math.round(rng() * 100) / 10
	};
}
