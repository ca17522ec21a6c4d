import { systemContext } from '../context';
import { liveCursor } from '../live/cursor';
import { getPublicNotices } from './public-notices';
import { getPublicStatus } from './read';
import { toStatusItem } from './view-rules';

/** The public page's data; anonymous visitors get it through the response cache of src/cli/public-cache.ts. */
export async function publicPageData() {
	// The cursor is read first: an event committed meanwhile is replayed, never missed.
	const cursor = await liveCursor(systemContext);
	const now = new Date();
	const [status, notices] = await Promise.all([getPublicStatus(now), getPublicNotices(now)]);
	return {
		liveCursor: cursor,
		overall: status.overall,
		components: status.components.map((c) => toStatusItem(c.id, c)),
		incidents: notices.incidents,
		maintenance: notices.maintenance
	};
}
