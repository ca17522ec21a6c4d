import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];
const SKIP = new Set(['paraglide', 'node_modules']);

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) {
		if (!SKIP.has(entry)) newest = Math.max(newest, newestMtime(join(path, entry)));
	}
	return newest;
}

/** The production build is missing, or some source changed after it was made. */
export function buildIsStale(root: string): boolean {
	const handler = join(root, 'build', 'handler.js');
	if (!existsSync(handler)) return true;
	const built = statSync(handler).mtimeMs;
	return SOURCES.some((s) => newestMtime(join(root, s)) > built);
}
