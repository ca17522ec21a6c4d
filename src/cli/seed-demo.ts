import { closeDb } from '$lib/server/db';
import { runMigrations } from '$lib/server/db/migrate';
import { seedDemo } from '$lib/server/demo/seed';
import { childLog } from '$lib/server/log';

const log = childLog({ module: 'seed-demo' });

const url = process.env.DATABASE_URL;
if (!url) {
	log.error('seed:demo needs DATABASE_URL (npm start seeds its embedded database by itself).');
	process.exit(2);
}
await runMigrations(url);
const seeded = await seedDemo();
log.info(seeded ? 'Demo data seeded.' : 'Demo data already present: nothing done.');
await closeDb();
