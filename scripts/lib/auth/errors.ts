// GoTrue's error answers. supabase-js (lib/fetch.js handleError) reads the error code from `code`
// when the response carries `X-Supabase-Api-Version: 2024-01-01`, and from `error_code` otherwise,
// so both shapes GoTrue produces are reproduced exactly (api/errors.go HandleResponseError).

export const API_VERSION_HEADER = 'x-supabase-api-version';
export const API_VERSION_2024_01_01 = '2024-01-01';

export type AuthErrorCode =
	| 'unexpected_failure'
	| 'validation_failed'
	| 'bad_json'
	| 'email_exists'
	| 'bad_jwt'
	| 'not_admin'
	| 'no_authorization'
	| 'user_not_found'
	| 'session_not_found'
	| 'refresh_token_not_found'
	| 'refresh_token_already_used'
	| 'signup_disabled'
	| 'user_banned'
	| 'email_not_confirmed'
	| 'email_address_invalid'
	| 'weak_password'
	| 'invalid_credentials'
	| 'over_request_rate_limit'
	| 'not_found'
	| 'method_not_allowed'
	| 'request_timeout';

export class AuthHttpError extends Error {
	readonly status: number;
	readonly errorCode: AuthErrorCode;
	/** Extra fields GoTrue adds to some errors (weak_password.reasons). */
	readonly extra: Record<string, unknown>;

	constructor(
		status: number,
		errorCode: AuthErrorCode,
		message: string,
		extra: Record<string, unknown> = {}
	) {
		super(message);
		this.name = 'AuthHttpError';
		this.status = status;
		this.errorCode = errorCode;
		this.extra = extra;
	}
}

export const badRequest = (code: AuthErrorCode, message: string) => new AuthHttpError(400, code, message);
export const unauthorized = (code: AuthErrorCode, message: string) => new AuthHttpError(401, code, message);
export const forbidden = (code: AuthErrorCode, message: string) => new AuthHttpError(403, code, message);
export const notFound = (code: AuthErrorCode, message: string) => new AuthHttpError(404, code, message);
export const unprocessable = (code: AuthErrorCode, message: string) => new AuthHttpError(422, code, message);

/** GoTrue's wording for a failed password sign-in, whatever the reason (no user enumeration). */
export const invalidCredentials = () => badRequest('invalid_credentials', 'Invalid login credentials');

/**
 * True when the request asked for API version 2024-01-01 or later (supabase-js always does).
 * GoTrue picks the closest known version not after the requested date; only one exists after the
 * initial one, so any valid date on or after 2024-01-01 selects it.
 */
export function requestsVersion20240101(headerValue: string | undefined): boolean {
	if (!headerValue || !/^\d{4}-\d{2}-\d{2}$/.test(headerValue)) return false;
	const requested = Date.parse(`${headerValue}T00:00:00Z`);
	return Number.isFinite(requested) && requested >= Date.parse(`${API_VERSION_2024_01_01}T00:00:00Z`);
}

export interface ErrorResponse {
	status: number;
	headers: Record<string, string>;
	body: Record<string, unknown>;
}

/** The status, headers and JSON body GoTrue sends for `error` to a client speaking `apiVersionHeader`. */
export function errorResponse(error: AuthHttpError, apiVersionHeader: string | undefined): ErrorResponse {
	const headers: Record<string, string> = { 'x-sb-error-code': error.errorCode };
	if (requestsVersion20240101(apiVersionHeader)) {
		headers[API_VERSION_HEADER] = API_VERSION_2024_01_01;
		return {
			status: error.status,
			headers,
			body: { code: error.errorCode, message: error.message, ...error.extra }
		};
	}
	return {
		status: error.status,
		headers,
		body: { code: error.status, error_code: error.errorCode, msg: error.message, ...error.extra }
	};
}

/** What an unexpected exception becomes on the wire: no internals leak to the client. */
export function unexpectedFailure(): AuthHttpError {
	return new AuthHttpError(
		500,
		'unexpected_failure',
		'Unexpected failure, please check server logs for more information'
	);
}
