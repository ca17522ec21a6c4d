/**
 * Whole responses of anonymous public pages, kept half a second: the public status page is
 * the same for every visitor of a language, and a state change reaches open pages through
 * the socket (the page's cursor replays anything newer), so a slightly old render costs nothing.
 */
const FRESH_MS = 500;
const KEPT = 200;

interface Copy {
	status: number;
	headers: [string, string][];
	body: ArrayBuffer;
}

interface Stored {
	at: number;
	/** A copy to serve, or the one response that could not be kept (for the caller who rendered it). */
	response: Promise<Copy | { original: Response }>;
}

const stored = new Map<string, Stored>();

export async function cachedResponse(
	key: string,
	render: () => Promise<Response>,
	now = Date.now()
): Promise<Response> {
	let entry = stored.get(key);
	let rendered = false;
	if (!entry || now - entry.at > FRESH_MS) {
		if (stored.size >= KEPT) stored.clear();
		rendered = true;
		entry = {
			at: now,
			response: render().then(async (r) =>
				r.status === 200 && !r.headers.has('set-cookie')
					? { status: r.status, headers: [...r.headers], body: await r.arrayBuffer() }
					: { original: r }
			)
		};
		stored.set(key, entry);
		entry.response.catch(() => stored.delete(key));
	}
	const result = await entry.response;
	if ('original' in result) {
		stored.delete(key);
		return rendered ? result.original : render();
	}
	return new Response(result.body, { status: result.status, headers: result.headers });
}
