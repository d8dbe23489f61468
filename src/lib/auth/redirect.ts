/**
 * Where to go after signing in (or after switching language). Only a path on this site is
 * accepted: an absolute or protocol-relative URL in `?redirectTo` would turn the login page into an
 * open redirect.
 *
 * The check runs on the path as it will be sent in `Location`, after URL normalisation: checking
 * the raw value and normalising afterwards let `/.//evil.example` through, because removing the dot
 * segment turns it into the protocol-relative `//evil.example`.
 */
const SAME_ORIGIN = 'http://same-origin.invalid';

export function safeRedirectPath(value: string | null | undefined, fallback = '/'): string {
	// Only an absolute path: no scheme, no host, no path relative to the login page.
	if (!value || !value.startsWith('/')) return fallback;
	const normalised = normalise(value);
	return normalised !== null && isLocalPath(normalised) ? normalised : fallback;
}

function normalise(value: string): string | null {
	let resolved: URL;
	try {
		resolved = new URL(value, SAME_ORIGIN);
	} catch {
		return null;
	}
	if (resolved.origin !== SAME_ORIGIN) return null;
	return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/**
 * What a browser will do with `Location: <path>`: it must stay on this origin and mean exactly this
 * path (so normalising it again changes nothing). A leading `//` or `/\` is a host to a browser.
 */
function isLocalPath(path: string): boolean {
	if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return false;
	// URL percent-encodes what it keeps, so a raw control character or space here means a parser
	// disagreement this function does not try to understand.
	// eslint-disable-next-line no-control-regex -- matching control characters is the point
	if (/[\u0000-\u0020\u007f\\]/.test(path)) return false;
	return normalise(path) === path;
}
