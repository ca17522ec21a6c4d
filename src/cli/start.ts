import { spawnSync } from 'node:child_process';
import compression from 'compression';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Server } from 'socket.io';
import { closeDb } from '$lib/server/db';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '$lib/server/db/embedded';
import { runMigrations } from '$lib/server/db/migrate';
import { isDatabaseEmpty, seedDemo } from '$lib/server/demo/seed';
import { IO_KEY } from '$lib/server/live/realtime';
import { childLog } from '$lib/server/log';
import { buildIsStale } from './build-freshness';
import { clientHomeCache } from './client-home-cache';
import { publicCache } from './public-cache';
import { invalidateOnEveryEvent, invalidateOnPublicEvents } from './public-events';

const root = process.cwd();
const log = childLog({ module: 'portal' });
let embedded: EmbeddedDatabase | undefined;
let stopping = false;

async function shutdown(signal: string, io: Server) {
	if (stopping) return;
	stopping = true;
	log.info({ signal }, 'shutting down');
	const force = setTimeout(() => process.exit(1), 12_000);
	force.unref();
	await new Promise<void>((done) => io.close(() => done()));
	// The bundle's monitor jobs (hooks.server.ts) still write to the database: let them finish first.
	const stopJobs = (globalThis as Record<symbol, (() => Promise<void>) | undefined>)[
		Symbol.for('hosting-portal.jobs')
	];
	await stopJobs?.();
	await (globalThis as Record<symbol, (() => Promise<void>) | undefined>)[
		Symbol.for('hosting-portal.simulator')
	]?.();
	await embedded?.stop();
	process.exit(0);
}

/**
 * Once the server listens, an error nobody awaited (a query failing while PostgreSQL restarts, a
 * driver callback throwing) is logged and the node keeps serving; the pool reconnects. Before
 * that, it is a startup error: logged, and the process exits.
 */
let serving = false;
const onStray = (kind: string) => (err: unknown) => {
	if (!serving) {
		log.fatal({ err }, `${kind} during startup`);
		process.exit(1);
	}
	log.error({ err }, kind);
};
process.on('unhandledRejection', onStray('unhandled rejection'));
process.on('uncaughtException', onStray('uncaught exception'));

const io = new Server({ serveClient: false, maxHttpBufferSize: 100_000 });
for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.on(signal, () => void shutdown(signal, io));

if (buildIsStale(root)) {
	log.info('building the production bundle…');
	const build = spawnSync(
		process.execPath,
		[resolve(root, 'node_modules/vite/bin/vite.js'), 'build'],
		{
			stdio: 'inherit'
		}
	);
	if (build.status !== 0) process.exit(build.status ?? 1);
}

if (!process.env.DATABASE_URL) {
	const dir = process.env.PORTAL_DATA_DIR ?? resolve(root, '.data', 'postgres');
	log.info({ dir }, 'starting embedded PostgreSQL');
	const fixedPort = process.env.PORTAL_DB_PORT ? Number(process.env.PORTAL_DB_PORT) : undefined;
	embedded = await startEmbeddedDatabase(dir, 'portal', {
		port: fixedPort,
		warn: (line) => log.warn(line)
	});
	log.info({ port: embedded.port }, 'embedded PostgreSQL ready');
	process.env.DATABASE_URL = embedded.url;
	process.env.SEED_DEMO ??= '1';
}

await runMigrations(process.env.DATABASE_URL!);
if (process.env.SEED_DEMO === '1' && (await isDatabaseEmpty())) {
	await seedDemo();
	log.info('demo data seeded (see README for the demo accounts)');
}
await closeDb();

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
// adapter-node assumes https without ORIGIN: cookies would be Secure and forms refused over http.
process.env.ORIGIN ??= `http://localhost:${port}`;
// A backup manifest of 100,000 files is about 20 MB; hooks.server.ts keeps 4 MB for every
// other route (a full sample batch, 5,000 samples with every metric, is about 1 MB).
process.env.BODY_SIZE_LIMIT ??= '48M';
(globalThis as Record<symbol, unknown>)[IO_KEY] = io;
const { handler } = await import(pathToFileURL(resolve(root, 'build', 'handler.js')).href);
// The public-page cache renders by asking this very server; public events make it render again.
const selfOrigin = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;
const publicPages = publicCache(selfOrigin);
await invalidateOnPublicEvents(publicPages.invalidate);
const clientHomes = clientHomeCache(selfOrigin);
await invalidateOnEveryEvent(clientHomes.invalidate);
// Every other compressible response over 1 KB leaves compressed (brotli at quality 4, or gzip, as
// the client asks); the public pages are stored compressed. Static assets keep the .br/.gz files
// adapter-node precompressed at build.
const compress = compression({ threshold: 1024 });
type CompressArgs = Parameters<typeof compress>;
const compressed = (req: IncomingMessage, res: ServerResponse) =>
	compress(req as unknown as CompressArgs[0], res as unknown as CompressArgs[1], () =>
		handler(req, res)
	);
const server = createServer((req, res) => {
	if (!publicPages.serve(req, res, compressed) && !clientHomes.serve(req, res, compressed))
		compressed(req, res);
});
io.attach(server);
server.listen(port, host, () => {
	serving = true;
	log.info(
		{ host, port },
		`listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`
	);
});
