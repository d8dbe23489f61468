import { error } from '@sveltejs/kit';
import { translate, type Language, type MessageKey } from '$lib/i18n';
import { es } from '$lib/i18n/es';

/**
 * The one place where Supabase failures become what a person reads. Loads and actions hand their
 * `{ error, status }` here; the technical detail goes to the server log, the user gets plain Spanish
 * (or English) and a fitting HTTP status.
 */

/** The parts of a PostgrestError / AuthError we decide on (both are plain objects on the wire). */
export interface SupabaseErrorLike {
	message?: string;
	details?: string;
	code?: string;
	status?: number;
	name?: string;
}

export interface UserFacingFailure {
	status: number;
	key: MessageKey;
}

// PostgREST error codes: https://postgrest.org/en/v12/references/errors.html
const SESSION_CODES = new Set(['PGRST301', 'PGRST302', 'PGRST303']);
const FORBIDDEN_CODES = new Set(['42501']);
const NOT_FOUND_CODES = new Set(['PGRST116']);
// 08xxx: connection exceptions; PGRST000-003: PostgREST cannot reach or use its pool.
const UNAVAILABLE_CODES = /^(08\d{3}|PGRST00[0-3])$/;
// A table, view, column or function the app asks for does not exist (42P01, 42703, 42883) or is not
// in PostgREST's schema cache (PGRST200-205). That is a deployment fault for the operator — the
// migrations and the app disagree — never "not found" for the reader.
const SCHEMA_MISMATCH_CODES = /^(42P01|42703|42883|PGRST20[0-5])$/;
// 23xxx: integrity constraint violations, raised by a constraint or by a trigger that names one.
const INTEGRITY_CODES = /^23\d{3}$/;

/** The constraint a violation names: `… violates check constraint "projects_end_after_start"`. */
export function violatedConstraint(dataError: SupabaseErrorLike): string | null {
	const text = `${dataError.message ?? ''} ${dataError.details ?? ''}`;
	return /constraint "([a-z0-9_]+)"/.exec(text)?.[1] ?? null;
}

function isMessageKey(key: string): key is MessageKey {
	return key in es;
}

/**
 * A violated constraint as what a person reads: `constraint.<name>` when the catalogue words it,
 * else a generic "check the data" message. Unique violations are conflicts (409), the rest 400.
 */
function describeIntegrityError(dataError: SupabaseErrorLike): UserFacingFailure {
	const status = dataError.code === '23505' ? 409 : 400;
	const name = violatedConstraint(dataError);
	const key = name ? `constraint.${name}` : '';
	return { status, key: isMessageKey(key) ? key : status === 409 ? 'db.conflict' : 'db.invalidData' };
}

/** `httpStatus` is the status of the PostgREST response (postgrest-js puts it beside `error`). */
export function describeDataError(dataError: SupabaseErrorLike, httpStatus?: number): UserFacingFailure {
	const code = dataError.code ?? '';
	const status = httpStatus ?? dataError.status ?? 0;
	// postgrest-js turns a failed fetch (stack down, DNS, refused) into status 0 with no code.
	if (status === 0 || UNAVAILABLE_CODES.test(code) || status === 502 || status === 503 || status === 504) {
		return { status: 503, key: 'db.unavailable' };
	}
	if (SCHEMA_MISMATCH_CODES.test(code)) return { status: 500, key: 'db.unexpected' };
	if (INTEGRITY_CODES.test(code)) return describeIntegrityError(dataError);
	if (SESSION_CODES.has(code) || status === 401) return { status: 401, key: 'db.sessionExpired' };
	if (FORBIDDEN_CODES.has(code) || status === 403) return { status: 403, key: 'db.forbidden' };
	if (NOT_FOUND_CODES.has(code) || status === 404) return { status: 404, key: 'db.notFound' };
	return { status: 500, key: 'db.unexpected' };
}

/** Throws SvelteKit's `error()` when a query failed; returns nothing otherwise. */
export function failOnDataError(
	result: { error: SupabaseErrorLike | null; status?: number },
	language: Language,
	context: string
): void {
	if (!result.error) return;
	const failure = describeDataError(result.error, result.status);
	console.error(`[${context}] Supabase query failed (${failure.status}):`, result.error);
	error(failure.status, translate(language, failure.key));
}

/**
 * Sign-in failures. A wrong e-mail and a wrong password read the same on purpose (no account
 * enumeration); rate limiting gets its own message so the person knows to wait.
 */
export function describeSignInError(authError: SupabaseErrorLike): UserFacingFailure {
	const status = authError.status ?? 0;
	if (status === 429 || authError.code === 'over_request_rate_limit') {
		return { status: 429, key: 'login.tooManyAttempts' };
	}
	if (
		authError.code === 'invalid_credentials' ||
		authError.code === 'user_not_found' ||
		authError.code === 'email_not_confirmed' ||
		status === 400
	) {
		return { status: 400, key: 'login.invalidCredentials' };
	}
	return { status: status >= 400 && status < 600 ? status : 503, key: 'login.unexpected' };
}
