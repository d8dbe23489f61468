/**
 * Redirect-bypass vectors: values of `?redirectTo` that try to leave the site after sign-in. Shared
 * by the unit tests of safeRedirectPath and the browser test of the real sign-in, so both prove the
 * same list. Collected from the usual open-redirect payload lists (encodings, backslashes, dot
 * segments, control characters, Unicode look-alikes, schemes).
 */
export const EVIL_HOST = 'evil.example';

export const redirectBypassVectors: readonly string[] = [
	// absolute and protocol-relative
	`https://${EVIL_HOST}/`,
	`http://${EVIL_HOST}`,
	`//${EVIL_HOST}`,
	`///${EVIL_HOST}`,
	`////${EVIL_HOST}/`,
	`https:${EVIL_HOST}`,
	`https:/${EVIL_HOST}`,
	`//${EVIL_HOST}@same-origin.invalid`,
	// backslashes (browsers read them as slashes in http(s) URLs)
	`/\\${EVIL_HOST}`,
	`\\\\${EVIL_HOST}`,
	`\\/${EVIL_HOST}`,
	`/\\/${EVIL_HOST}`,
	// dot segments that collapse into a protocol-relative path
	`/.//${EVIL_HOST}`,
	`/./\\${EVIL_HOST}`,
	`/..//${EVIL_HOST}`,
	`/x/..//${EVIL_HOST}`,
	`/%2e//${EVIL_HOST}`,
	`/%2E%2E//${EVIL_HOST}`,
	`/././/${EVIL_HOST}`,
	// tabs, newlines, spaces and NUL (URL parsers drop tabs and newlines)
	`/\t/${EVIL_HOST}`,
	`/\n/${EVIL_HOST}`,
	`/\r\n/${EVIL_HOST}`,
	`\t//${EVIL_HOST}`,
	` //${EVIL_HOST}`,
	`/\u0000/${EVIL_HOST}`,
	// schemes
	'javascript:alert(1)',
	'/javascript:alert(1)//',
	'data:text/html,<script>alert(1)</script>',
	`jaVaScRiPt://${EVIL_HOST}/%0aalert(1)`,
	// Unicode look-alikes and width variants of / and \ and .
	`/\u2215${EVIL_HOST}`,
	`\uff0f\uff0f${EVIL_HOST}`,
	`/\uff3c${EVIL_HOST}`,
	`\u3002//${EVIL_HOST}`,
	// encoded slashes and backslashes (decoded once by the query string, then again by nobody)
	`%2F%2F${EVIL_HOST}`,
	`/%2F${EVIL_HOST}`,
	`/%5C${EVIL_HOST}`,
	`%5C%5C${EVIL_HOST}`,
	// relative paths
	EVIL_HOST,
	`.//${EVIL_HOST}`,
	`../${EVIL_HOST}`
];
