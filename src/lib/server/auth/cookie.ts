/** HttpOnly, SameSite=Lax, Secure whenever the request came over https. */
export function sessionCookieOptions(url: URL, expires: Date) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:',
		expires
	};
}
