import { readFileSync } from 'node:fs';
import { load } from './tests/bench/cannon';
const { url, acme } = JSON.parse(readFileSync('/tmp/many-hold.json', 'utf8'));
for (const path of process.argv.slice(2)) {
	await load(url + path, { connections: 20, seconds: 2, headers: { cookie: acme } });
	const r = await load(url + path, { connections: 20, seconds: 6, headers: { cookie: acme } });
	console.log(path, Math.round(r.rps), 'req/s p50', r.p50, 'p95', r.p95, r.statusCodes);
}
