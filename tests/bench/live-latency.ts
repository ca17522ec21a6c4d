/**
 * Prints: sign-in cost (argon2id verify + session), and write → browser latency of a live
 * event (transaction + NOTIFY + relay + Socket.IO), on a throwaway embedded PostgreSQL.
 *   node --import tsx tests/bench/live-latency.ts [renames=200]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { startEmbeddedDatabase } from '../../src/lib/server/db/embedded';
import { runMigrations } from '../../src/lib/server/db/migrate';

const renames = Number(process.argv[2] ?? 200);
const root = mkdtempSync(join(tmpdir(), 'portal-bench-'));
const database = await startEmbeddedDatabase(join(root, 'pg'), 'bench');
await runMigrations(database.url);
process.env.DATABASE_URL = database.url;

const { seedDemo } = await import('../../src/lib/server/demo/seed');
const { signIn } = await import('../../src/lib/server/auth/account');
const { SESSION_COOKIE } = await import('../../src/lib/server/auth/session');
const { updateComponent } = await import('../../src/lib/server/components/service');
const { attachRealtime } = await import('../../src/lib/server/live/realtime');
await seedDemo();

const percentile = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const fmt = (xs: number[]) =>
	`p50 ${percentile(xs, 0.5).toFixed(1)} ms, p95 ${percentile(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

const signIns: number[] = [];
let token = '';
for (let i = 0; i < 20; i++) {
	const t0 = performance.now();
	token = (await signIn({ email: 'admin@acme.test', password: 'demo-password' }, null)).token;
	signIns.push(performance.now() - t0);
}
console.log(`sign-in (argon2id verify + session insert), 20 runs: ${fmt(signIns)}`);

const http = createServer();
const io = new Server(http);
await attachRealtime(io as never);
await new Promise<void>((ready) => http.listen(0, '127.0.0.1', ready));
const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
const socket = connect(url, {
	transports: ['websocket'],
	extraHeaders: { cookie: `${SESSION_COOKIE}=${token}` }
});
await new Promise<void>((ready) => socket.once('connect', () => ready()));

const { getDb } = await import('../../src/lib/server/db');
const { user } = await import('../../src/lib/server/db/schema');
const { eq } = await import('drizzle-orm');
const [admin] = await getDb().select().from(user).where(eq(user.email, 'staff@demo.test'));
const staff = {
	actor: {
		kind: 'staff' as const,
		userId: admin.id,
		email: admin.email,
		name: admin.name,
		role: 'admin' as const
	},
	ip: null
};
const latencies: number[] = [];
for (let i = 0; i < renames; i++) {
	const received = new Promise<void>((done) => socket.once('event', () => done()));
	const t0 = performance.now();
	await updateComponent(staff, 'acme', 'web-1', { name: `Web ${i}` });
	await received;
	latencies.push(performance.now() - t0);
}
console.log(`rename → event received by a client socket, ${renames} runs: ${fmt(latencies)}`);
const rss = process.memoryUsage().rss / 1024 / 1024;
console.log(`process RSS after the run: ${rss.toFixed(0)} MiB`);

socket.close();
io.close();
const { closeDb } = await import('../../src/lib/server/db');
await closeDb();
await database.stop();
rmSync(root, { recursive: true, force: true });
process.exit(0);
