/**
 * Summarises the server's CPU profile from `BENCH_CPU_PROF=1 npm run bench`: busy vs idle
 * time and the functions with the most self time. Given a directory, reads its largest
 * profile (the main thread's; tsx's loader thread writes a small one beside it).
 *   node --import tsx tests/bench/profile-summary.ts /tmp/portal-bench-profiles/render [top=20]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	hitCount?: number;
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
	startTime: number;
	endTime: number;
}

const [target, topArg] = process.argv.slice(2);
if (!target) throw new Error('usage: profile-summary.ts <file.cpuprofile | directory> [top]');
const file = statSync(target).isDirectory()
	? readdirSync(target)
			.filter((f) => f.endsWith('.cpuprofile'))
			.map((f) => join(target, f))
			.sort((a, b) => statSync(b).size - statSync(a).size)[0]
	: target;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<string, number>();
profile.samples.forEach((id, i) => {
	const frame = byId.get(id)!.callFrame;
	const where = frame.url
		? `${frame.url.replace(/^.*\/(node_modules|build|src)\//, '$1/')}:${frame.lineNumber + 1}`
		: '';
	const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
	selfUs.set(key, (selfUs.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = profile.endTime - profile.startTime;
const idle = selfUs.get('(idle)') ?? 0;
console.log(
	`profile ${(total / 1e6).toFixed(1)} s, busy ${(((total - idle) / total) * 100).toFixed(0)} %`
);
for (const [key, us] of [...selfUs]
	.filter(([k]) => k !== '(idle)')
	.sort((a, b) => b[1] - a[1])
	.slice(0, Number(topArg ?? 20))) {
	console.log(
		`${((us / (total - idle)) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`
	);
}
