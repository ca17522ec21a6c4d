/**
 * The one gate for every `redirectTo`: a target is resolved against the portal's origin the way a
 * browser would resolve it (tabs and newlines dropped, `\` read as `/`, `//host` read as another host)
 * and kept only when it stays on that origin; it then becomes a plain path (pathname + search + hash,
 * percent-encoded, so always a valid Location header). Anything else gives the fallback.
 */
export function safeRedirectTarget(
	target: string | null | undefined,
	origin: string | URL,
	fallback: string
): string {
	if (!target) return fallback;
	let base: URL;
	let resolved: URL;
	try {
		base = new URL(origin);
		resolved = new URL(target, base);
	} catch {
		return fallback;
	}
	if (resolved.origin !== base.origin) return fallback;
	const path = resolved.pathname + resolved.search + resolved.hash;
	// A path such as `//evil.example` (from `/.//evil.example`) would be read as another host.
	if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
	return path;
}
