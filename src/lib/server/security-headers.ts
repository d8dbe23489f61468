/**
 * Response headers every answer of the app carries (docs/SECURITY.md, "The app in the browser").
 * The Content-Security-Policy itself comes from `kit.csp` in svelte.config.js, with nonces; only the
 * origins known at run time are added here.
 */
export function securityHeaders(https: boolean): Record<string, string> {
	return {
		'x-content-type-options': 'nosniff',
		// For browsers that ignore CSP's frame-ancestors.
		'x-frame-options': 'DENY',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'permissions-policy':
			'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), ' +
			'magnetometer=(), gyroscope=(), accelerometer=(), browsing-topics=()',
		'cross-origin-opener-policy': 'same-origin',
		// Only over HTTPS: sent over plain HTTP it would be ignored, and on localhost it would pin
		// every other local app to HTTPS.
		...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {})
	};
}

/** Origins of absolute URLs (http, https), skipping what is absent or does not parse. */
export function originsOf(urls: (string | null | undefined)[]): string[] {
	const origins = new Set<string>();
	for (const url of urls) {
		if (!url || !URL.canParse(url)) continue;
		const parsed = new URL(url);
		if (parsed.protocol === 'http:' || parsed.protocol === 'https:') origins.add(parsed.origin);
	}
	return [...origins];
}

/**
 * The WebSocket origins of the given URLs (http → ws, https → wss): Supabase Realtime connects to
 * the API's host over a WebSocket, which connect-src must name on its own.
 */
export function websocketOriginsOf(urls: (string | null | undefined)[]): string[] {
	return originsOf(urls).map((origin) => origin.replace(/^http/, 'ws'));
}

/**
 * Adds sources to one directive of a policy header value (creating the directive if missing). The
 * Supabase URL is read at run time, so it cannot be in svelte.config.js.
 */
export function addSources(policy: string, directive: string, sources: string[]): string {
	if (sources.length === 0) return policy;
	const parts = policy
		.split(';')
		.map((part) => part.trim())
		.filter(Boolean);
	const index = parts.findIndex((part) => part.split(/\s+/)[0] === directive);
	if (index === -1) return [...parts, `${directive} ${sources.join(' ')}`].join('; ');
	const present = new Set(parts[index].split(/\s+/).slice(1));
	const added = sources.filter((source) => !present.has(source));
	if (added.length > 0) parts[index] = `${parts[index]} ${added.join(' ')}`;
	return parts.join('; ');
}
