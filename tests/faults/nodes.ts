/**
 * Production nodes for the fault script and the multi-node test: src/cli/start.ts started as
 * `npm start` starts it, on a database the caller owns (DATABASE_URL), each logging to a file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../bench/harness';

export interface Node {
	name: string;
	port: number;
	url: string;
	child: ChildProcess;
	logPath: string;
}

export const alive = (node: Node) => node.child.exitCode === null && node.child.signalCode === null;
export const tail = (node: Node) =>
	readFileSync(node.logPath, 'utf8').split('\n').slice(-40).join('\n');

/**
 * Boots one node and resolves once it listens. Boot nodes one after the other: the first builds
 * the bundle if needed and seeds the demo data.
 */
export async function bootNode(
	name: string,
	{
		databaseUrl,
		logDir,
		env = {}
	}: { databaseUrl: string; logDir: string; env?: NodeJS.ProcessEnv }
): Promise<Node> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const logPath = join(logDir, `${name}.log`);
	const log = createWriteStream(logPath);
	const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			DATABASE_URL: databaseUrl,
			SEED_DEMO: '1',
			DEMO_SIMULATOR: '0',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.pipe(log);
	child.stderr!.pipe(log);
	const node = { name, port, url, child, logPath };
	await new Promise<void>((ready, fail) => {
		const timer = setTimeout(() => fail(new Error(`${name} did not start within 180 s`)), 180_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('"msg":"listening')) {
				clearTimeout(timer);
				ready();
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			fail(new Error(`${name} exited with ${code} at start:\n${tail(node)}`));
		});
	});
	return node;
}

/** SIGTERM (a clean shutdown) unless it is already gone; resolves once it has exited. */
export async function stopNode(node: Node): Promise<void> {
	if (!alive(node)) return;
	const exited = new Promise((done) => node.child.once('exit', done));
	node.child.kill('SIGTERM');
	await exited;
}
