import { load } from './tests/bench/cannon';
import { bootPortal, signIn } from './tests/bench/harness';
import { loadavg } from 'node:os';
const portal = await bootPortal('probe');
try {
	const cookie = await signIn(portal.url);
	for (const path of ['/healthz', '/app/acme/contract', '/app/acme', '/app/acme']) {
		await load(portal.url + path, { connections: 20, seconds: 2, headers: { cookie } });
		const before = portal.cpu();
		const r = await load(portal.url + path, { connections: 20, seconds: 6, headers: { cookie } });
		const after = portal.cpu();
		console.log(path, Math.round(r.rps), 'req/s p50', r.p50.toFixed(1), 'p95', r.p95.toFixed(1), r.statusCodes, 'server cpu', ((after.server - before.server) / 6 * 100).toFixed(0), '% pg', ((after.postgres - before.postgres) / 6 * 100).toFixed(0), '% load', loadavg()[0].toFixed(2));
	}
} finally { await portal.stop(); }
