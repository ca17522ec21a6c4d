/**
 * `npm run bench`: every benchmark in turn, each on its own throwaway database and production
 * server, then one table of the figures beside their targets (Markdown, for the README).
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { run as backupFiles } from './backup-files';
import { run as exportBench } from './export';
import type { Figure } from './harness';
import { run as ingest } from './ingest';
import { run as fanout } from './live-fanout';
import { run as manyComponents } from './many-components';
import { run as memory } from './memory';
import { run as publicStatus } from './public-status';
import { run as render } from './render';

const BENCHES: [string, () => Promise<Figure[]>][] = [
	['ingest', ingest],
	['fanout', fanout],
	['render', render],
	['many', manyComponents],
	['public', publicStatus],
	['memory', memory],
	['backup-files', backupFiles],
	['export', exportBench],
	['live-latency', liveLatency]
];

/** The older benchmark (sign-in cost, write → socket latency) runs as it is; its lines become figures. */
function liveLatency(): Promise<Figure[]> {
	return new Promise((done, fail) => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', 'tests/bench/live-latency.ts', '100'],
			{ stdio: ['ignore', 'pipe', 'inherit'] }
		);
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk));
		child.on('exit', (code) => {
			if (code !== 0) return fail(new Error(`live-latency.ts exited with ${code}`));
			done(
				out
					.trim()
					.split('\n')
					// The server's JSON log lines share that output; figures are `name: value`.
					.filter((line) => !line.startsWith('{'))
					.map((line) => {
						const at = line.indexOf(': ');
						return { bench: 'live-latency', metric: line.slice(0, at), value: line.slice(at + 2) };
					})
			);
		});
	});
}

const machine = () =>
	`${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}`;

const only = process.argv.slice(2);
console.log(`# npm run bench — ${new Date().toISOString()}\n${machine()}\n`);
const started = performance.now();
const figures: Figure[] = [];
for (const [name, bench] of BENCHES) {
	if (only.length > 0 && !only.includes(name)) continue;
	const t0 = performance.now();
	console.log(`[bench] ${name}…`);
	try {
		figures.push(...(await bench()));
	} catch (e) {
		console.error(`[bench] ${name} failed:`, e);
		figures.push({
			bench: name,
			metric: 'failed',
			value: e instanceof Error ? e.message.split('\n')[0] : String(e),
			ok: false
		});
	}
	console.log(
		`[bench] ${name} done in ${((performance.now() - t0) / 1000).toFixed(0)} s, load average ${loadavg()[0].toFixed(2)}`
	);
}

const cell = (s: string) => s.replaceAll('|', '\\|');
console.log(`\n| bench | figure | measured | target | |\n|---|---|---|---|---|`);
for (const f of figures) {
	const verdict = f.ok === undefined ? '' : f.ok ? 'met' : 'NOT met';
	console.log(
		`| ${f.bench} | ${cell(f.metric)} | ${cell(f.value)} | ${f.target ?? ''} | ${verdict} |`
	);
}
console.log(`\n${machine()}; total ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(0);
