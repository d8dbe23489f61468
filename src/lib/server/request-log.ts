/**
 * One JSON line per request on stdout: what an operator needs to follow traffic and errors, and
 * nothing secret — no query string (it may carry tokens), no headers, no cookies, no body.
 */
export interface RequestLogEntry {
	method: string;
	path: string;
	/** The SvelteKit route id (`/region/[code]`), null for an unknown path. */
	route: string | null;
	status: number;
	durationMs: number;
}

export function requestLogLine(entry: RequestLogEntry, at: Date = new Date()): string {
	return JSON.stringify({
		time: at.toISOString(),
		level: entry.status >= 500 ? 'error' : entry.status >= 400 ? 'warn' : 'info',
		msg: 'request',
		method: entry.method,
		path: entry.path,
		route: entry.route,
		status: entry.status,
		duration_ms: Math.round(entry.durationMs * 10) / 10
	});
}
