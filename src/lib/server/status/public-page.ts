import { systemContext } from '../context';
import { liveCursor } from '../live/cursor';
import { getPublicStatus } from './read';

/** The public page is the same for everyone: one render's data serves a second of visitors. */
const FRESH_MS = 1000;
let cached: { at: number; value: Promise<PublicPageData> } | undefined;

export type PublicPageData = Awaited<ReturnType<typeof loadPublicPage>>;

async function loadPublicPage() {
	// The cursor is read first: an event committed meanwhile is replayed, never missed.
	const cursor = await liveCursor(systemContext);
	const status = await getPublicStatus();
	return {
		liveCursor: cursor,
		overall: status.overall,
		components: status.components.map(({ id, name, kind, status, since, maintenance, days }) => ({ id, name, kind, status, since, maintenance, days }))
	};
}

export function publicPageData(now = Date.now()): Promise<PublicPageData> {
	if (!cached || now - cached.at > FRESH_MS) {
		const value = loadPublicPage();
		cached = { at: now, value };
		value.catch(() => (cached = undefined));
	}
	return cached.value;
}
