/**
 * Where to go after signing in. Only a path on this site is accepted: an absolute or
 * protocol-relative URL in `?redirectTo` would turn the login page into an open redirect.
 */
export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
		return fallback;
	}
	// Resolve against a dummy origin: whatever survives must still be on that origin.
	const resolved = new URL(value, 'http://same-origin.invalid');
	if (resolved.origin !== 'http://same-origin.invalid') return fallback;
	return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
