/**
 * Whether a request path reaches the JSON API, decided on the path as the router sees it:
 * SvelteKit matches routes on the percent-decoded path, so `/%61pi/v1/…` is `/api/v1/…`.
 * Decoded the way SvelteKit decodes it (`%25` kept), and read loosely (repeated slashes, any case):
 * a malformed path counts as the API, the stricter side for every check keyed on it.
 */
export function isApiPath(pathname: string): boolean {
	let decoded: string;
	try {
		decoded = pathname.split('%25').map(decodeURI).join('%25');
	} catch {
		return true;
	}
	return /^[/\\]+api(?:[/\\]|$)/i.test(decoded);
}
