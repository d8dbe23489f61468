/**
 * The fetch the server's Supabase client uses: the same, with a deadline. supabase-js waits forever
 * by default, so a stalled API or database would hang every page; after the deadline the request
 * fails like a refused connection, which the pages turn into a Spanish 503 (src/lib/errors.ts).
 */
export const SUPABASE_REQUEST_TIMEOUT_MS = 10_000;

export function fetchWithDeadline(
	fetchImpl: typeof fetch = fetch,
	timeoutMs: number = SUPABASE_REQUEST_TIMEOUT_MS
): typeof fetch {
	return (input, init) => {
		const deadline = AbortSignal.timeout(timeoutMs);
		const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
		return fetchImpl(input, { ...init, signal });
	};
}
