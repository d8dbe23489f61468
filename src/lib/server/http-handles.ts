import { isHttpError, isRedirect, type Handle } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { env } from '$env/dynamic/public';
import { realtimeAvailable } from '$lib/supabase-env';
import { requestLogLine } from './request-log';
import { addSources, originsOf, securityHeaders, websocketOriginsOf } from './security-headers';

/**
 * The first handle: security headers on every response and one log line per request. Redirects
 * and HTTP errors thrown by later handles pass through it as exceptions, so they are logged here
 * with their own status before SvelteKit turns them into responses.
 */
export const observeRequest: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const log = (status: number) =>
		console.log(
			requestLogLine({
				method: event.request.method,
				path: event.url.pathname,
				route: event.route.id,
				status,
				durationMs: performance.now() - started
			})
		);

	let response: Response;
	try {
		response = await resolve(event);
	} catch (thrown) {
		log(isRedirect(thrown) ? thrown.status : isHttpError(thrown) ? thrown.status : 500);
		throw thrown;
	}
	response = withSecurityHeaders(response, event.url.protocol === 'https:');
	log(response.status);
	return response;
};

function withSecurityHeaders(response: Response, https: boolean): Response {
	// Responses built from a fetch() have immutable headers; a copy shares the body stream.
	let headers: Headers;
	try {
		headers = response.headers;
		headers.set('x-content-type-options', 'nosniff');
	} catch {
		response = new Response(response.body, response);
		headers = response.headers;
	}
	for (const [name, value] of Object.entries(securityHeaders(https))) headers.set(name, value);

	const policy = headers.get('content-security-policy');
	if (policy) {
		const apiOrigins = [
			...originsOf([env.PUBLIC_SUPABASE_URL, env.PUBLIC_MAP_STYLE_URL]),
			// Realtime, where the Supabase instance has it (live publications on region/comuna pages).
			...(realtimeAvailable(env) ? websocketOriginsOf([env.PUBLIC_SUPABASE_URL]) : [])
		];
		headers.set('content-security-policy', addSources(policy, 'connect-src', apiOrigins));
	}
	return response;
}

/**
 * A response made for a signed-in person (its page names them and shows what their role may read:
 * drafts, evaluations, council minutes) is theirs alone: no shared cache may keep it and no browser
 * may store it for the next person at the same computer. Responses that chose their own caching
 * (tiles, exports, feeds) keep it.
 */
export function keepPrivate(response: Response): Response {
	if (response.headers.has('cache-control')) return response;
	try {
		response.headers.set('cache-control', 'private, no-store');
		return response;
	} catch {
		// Immutable headers (a response built from a fetch()): a copy shares the body stream.
		const copy = new Response(response.body, response);
		copy.headers.set('cache-control', 'private, no-store');
		return copy;
	}
}

/** What a form of this app may weigh, except the import's: texts of at most tens of kilobytes. */
export const FORM_BODY_LIMIT = 1024 * 1024;
/** The one page that receives files; adapter-node's BODY_SIZE_LIMIT (64 MB) is its ceiling. */
const FILE_UPLOAD_PATHS = new Set(['/importar']);

/**
 * adapter-node's BODY_SIZE_LIMIT is one number for every route, raised to 64 MB for the import: so
 * any anonymous POST (to /login, say) could make the server hold 64 MB. Every other route is held
 * to FORM_BODY_LIMIT here, before its body is read: a larger declared length is refused (413), and
 * a body without a declared length (chunked), which no browser sends for a form, is refused (411).
 */
export const limitRequestBodies: Handle = async ({ event, resolve }) => {
	const { request } = event;
	if (request.body === null || FILE_UPLOAD_PATHS.has(event.url.pathname)) return resolve(event);
	const declared = request.headers.get('content-length');
	const refuse = (status: 411 | 413) =>
		new Response(
			status === 413
				? translate(event.locals.lang, 'request.tooLarge', { max: FORM_BODY_LIMIT / (1024 * 1024) })
				: translate(event.locals.lang, 'request.lengthRequired'),
			// The connection is closed: the rest of the body is not read.
			{ status, headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close' } }
		);
	if (declared === null) return refuse(411);
	if (!(Number(declared) <= FORM_BODY_LIMIT)) return refuse(413);
	return resolve(event);
};
