// CORS as Supabase's gateway answers it: any origin (supabase-js sends no cookies, only headers).

export const ALLOWED_HEADERS = [
	'authorization',
	'apikey',
	'content-type',
	'x-client-info',
	'prefer',
	'accept',
	'accept-profile',
	'content-profile',
	'range',
	'x-supabase-api-version',
	'x-retry-count'
];

export const EXPOSED_HEADERS = [
	'content-range',
	'content-location',
	'x-supabase-api-version',
	'x-total-count',
	'link'
];

export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Headers every response carries. */
export function corsHeaders(): Record<string, string> {
	return {
		'access-control-allow-origin': '*',
		'access-control-expose-headers': EXPOSED_HEADERS.join(', ')
	};
}

/** Headers of the 204 answer to a preflight request. */
export function preflightHeaders(): Record<string, string> {
	return {
		...corsHeaders(),
		'access-control-allow-methods': ALLOWED_METHODS.join(', '),
		'access-control-allow-headers': ALLOWED_HEADERS.join(', '),
		'access-control-max-age': '3600',
		vary: 'Origin, Access-Control-Request-Headers'
	};
}
