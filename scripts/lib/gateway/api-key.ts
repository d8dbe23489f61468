// The gateway's `apikey` check, as Supabase's API gateway does it for the legacy anon/service keys.
import type { IncomingMessage } from 'node:http';
import { constantTimeEquals } from '../auth/http.ts';

export type ApiKeyRole = 'anon' | 'service_role';

/** The key a request presents: the `apikey` header, else the `apikey` query parameter. */
export function presentedApiKey(req: IncomingMessage, query: URLSearchParams): string | null {
	const header = req.headers.apikey;
	const fromHeader = Array.isArray(header) ? header[0] : header;
	if (fromHeader) return fromHeader;
	return query.get('apikey') || null;
}

/** Which known key `presented` is, comparing against both in constant time; null if neither. */
export function matchApiKey(
	presented: string,
	keys: { anonKey: string; serviceKey: string }
): ApiKeyRole | null {
	const isAnon = constantTimeEquals(presented, keys.anonKey);
	const isService = constantTimeEquals(presented, keys.serviceKey);
	if (isService) return 'service_role';
	if (isAnon) return 'anon';
	return null;
}
